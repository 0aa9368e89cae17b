import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';
import { sha256Hex } from '../../src/core/index.ts';

const SAMPLE = new URL('../../public/samples/breast_cancer.csv', import.meta.url).pathname;
const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;

function writeJson(value: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mle-cli-')), 'contract.json');
  writeFileSync(path, JSON.stringify(value));
  return path;
}


describe('mle-playground CLI', () => {
  test('--help lists the train command and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['profile <csv>', 'check <csv> --contract contract.json', 'train <csv> (--contract contract.json | --label COL']) {
      expect(stdout).toContain(`mle-playground ${command}`);
    }
  });

  test('train writes a bundle whose manifest hashes every file, and prints JSON', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const { code, stdout } = await cli(['train', SAMPLE, '--label', 'target', '--seed', '42', '--out', out]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { bundle_id: string; backend: string; test: { roc_auc: number; n: number } };
    expect(summary.backend).toBe('cpu');
    expect(summary.test.n).toBe(115);
    expect(summary.test.roc_auc).toBeGreaterThan(0.98);
    const zipName = readdirSync(out).find((f) => f.endsWith('.zip'));
    expect(zipName).toBe(`${summary.bundle_id}.zip`);
    const files = unzipSync(new Uint8Array(readFileSync(join(out, zipName as string))));
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: Record<string, string>; snapshot: { sha256: string } };
    expect(manifest.snapshot.sha256).toBe(await sha256Hex(new Uint8Array(readFileSync(SAMPLE))));
    for (const [path, hash] of Object.entries(manifest.files)) expect(await sha256Hex(files[path])).toBe(hash);
    expect(readFileSync(join(out, 'scores-test.csv'), 'utf8').split('\n')[0]).toBe('row_index,label,score');
  }, 60_000);

  test('unreadable input exits 2 with a one-line reason on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'a,b\n1,2\n3\n');
    const { code, stderr } = await cli(['train', ragged, '--label', 'b', '--out', dir]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('data row 2 (line 3) has 1 field but the header has 2');
  });

  test('a one-class label exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'x,y\n1,a\n2,a\n');
    const { code, stderr } = await cli(['train', csv, '--label', 'y', '--out', dir]);
    expect(code).toBe(1);
    // The checks before training catch it first, naming the one class.
    expect(stderr).toContain('Every labelled row of "y" is "a"');
  });
});

describe('profile and check', () => {
  test('profile prints every column with its kind and the suggested roles', async () => {
    const { code, stdout } = await cli(['profile', TITANIC]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { snapshot: { rows: number }; columns: { name: string; kind: string; missing: number }[]; suggested_roles: { column: string; role: string }[] };
    expect(report.snapshot.rows).toBe(1309);
    expect(report.columns).toHaveLength(14);
    expect(report.columns.find((c) => c.name === 'age')).toMatchObject({ kind: 'numeric', missing: 263 });
    expect(report.suggested_roles).toContainEqual(expect.objectContaining({ column: 'name', role: 'pii' }));
  });

  test('check passes (exit 0) on Titanic with only a label, and reports the leakage findings', async () => {
    const { code, stdout } = await cli(['check', TITANIC, '--contract', writeJson({ label: 'survived' })]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { blocking: string[]; leakage: { id: string; status: string }[]; contract: { roles: Record<string, string> } };
    expect(out.blocking).toEqual([]);
    expect(out.contract.roles.name).toBe('pii');
    expect(out.leakage.find((f) => f.id === 'leak:single-feature:boat')?.status).toBe('warn');
  });

  test('check exits 1 on an exact label copy, and 0 once the finding is dismissed with a reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const csv = join(dir, 'copy.csv');
    const rows = Array.from({ length: 200 }, (_, i) => `${i % 7},${i % 3 === 0 ? 'yes' : 'no'},${i % 3 === 0 ? 1 : 0}`);
    writeFileSync(csv, `x,copy,y\n${rows.join('\n')}\n`);
    const failed = await cli(['check', csv, '--contract', writeJson({ label: 'y' })]);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toContain('leak:single-feature:copy');
    const dismissed = { label: 'y', dismissed: [{ findingId: 'leak:single-feature:copy', reason: 'known at decision time', at: '2026-01-01T00:00:00Z' }] };
    expect((await cli(['check', csv, '--contract', writeJson(dismissed)])).code).toBe(0);
  });

  test('check exits 2 with a one-line reason for a contract that is not JSON or names a label not in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    const notJson = await cli(['check', TITANIC, '--contract', bad]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/is not valid JSON/);
    const noLabel = await cli(['check', TITANIC, '--contract', writeJson({ label: 'nope' })]);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toMatch(/Column "nope" is not in titanic\.csv/);
  });
});

describe('PII never leaves', () => {
  test('a column marked PII is in no feature list, preprocessing, metrics or any exported file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const contract = writeJson({ label: 'survived', roles: { name: 'pii', 'home.dest': 'pii', ticket: 'pii', boat: 'ignore', body: 'ignore' } });
    const { code } = await cli(['train', TITANIC, '--contract', contract, '--out', out]);
    expect(code).toBe(0);
    const zipName = readdirSync(out).find((f) => f.endsWith('.zip')) as string;
    const files = unzipSync(new Uint8Array(readFileSync(join(out, zipName))));
    const text = Object.values(files).map((b) => strFromU8(b)).join('\n');
    const csv = readFileSync(TITANIC, 'utf8');
    // Distinctive values of each PII column, straight from the file.
    for (const value of ['Allen, Miss. Elisabeth Walton', 'Allison, Master. Hudson Trevor', 'St Louis, MO', 'Montreal, PQ / Chesterville, ON', '24160', '113781', 'PC 17609']) {
      expect(csv).toContain(value);
      expect(text.includes(value), value).toBe(false);
    }
    const preprocessing = JSON.parse(strFromU8(files['preprocessing.json'])) as { steps: { column: string }[] };
    expect(preprocessing.steps.map((s) => s.column)).toEqual(['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'cabin', 'embarked']);
    const contractFile = JSON.parse(strFromU8(files['contract.json'])) as { features: string[]; roles: Record<string, string> };
    expect(contractFile.features).not.toContain('name');
    expect(contractFile.roles.name).toBe('pii');
  }, 60_000);
});

describe('train reproduces', () => {
  test('the same arguments twice give identical model bytes, for logistic regression and an MLP', async () => {
    const contract = writeJson({ label: 'survived' });
    const config = writeJson({ hyperparameters: { hidden: [8], epochs: 5 } });
    for (const model of ['logistic', 'mlp']) {
      const outs = [mkdtempSync(join(tmpdir(), 'mle-cli-')), mkdtempSync(join(tmpdir(), 'mle-cli-'))];
      for (const out of outs) {
        const { code, stderr } = await cli(['train', TITANIC, '--contract', contract, '--model', model, ...(model === 'mlp' ? ['--config', config] : []), '--seed', '7', '--out', out]);
        expect(code, stderr).toBe(0);
      }
      for (const file of ['model/model.json', 'model/weights.bin', 'preprocessing.json', 'config.json', 'scores-test.csv']) {
        expect(readFileSync(join(outs[1], file)), `${model} ${file}`).toEqual(readFileSync(join(outs[0], file)));
      }
      const header = readFileSync(join(outs[0], 'scores-train.csv'), 'utf8').split('\n');
      expect(header[0]).toBe('row_index,label,score');
      expect(header.length - 2).toBe(785);
    }
  }, 120_000);

  test('a three-class label trains softmax by default (--task auto); --task binary trains the positive class against the rest', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const args = ['train', TITANIC, '--label', 'pclass', '--positive', '1', '--exclude', 'survived,name,ticket,cabin,boat,body,home.dest', '--seed', '3'];
    const multi = await cli([...args, '--out', out]);
    expect(multi.code, multi.stderr).toBe(0);
    const summary = JSON.parse(multi.stdout) as {
      task: string; classes: string[]; converged: boolean; stop_reason: string; gradient_max: number;
      test: { task: string; accuracy: number; macro_f1: number; one_vs_rest: Record<string, { roc_auc: number }> };
    };
    expect(summary.task).toBe('multiclass');
    expect(summary.classes).toEqual(['1', '2', '3']);
    expect(summary).toMatchObject({ converged: true, stop_reason: 'gradient' });
    expect(summary.gradient_max).toBeLessThan(1e-5);
    expect(summary.test.task).toBe('multiclass');
    expect(summary.test.accuracy).toBeGreaterThan(0.6);
    expect(summary.test.one_vs_rest['1'].roc_auc).toBeGreaterThan(0.85);
    const lines = readFileSync(join(out, 'scores-test.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row_index,label,score,class,p_1,p_2,p_3');
    for (const line of lines.slice(1)) {
      const [, label, score, cls, p1, p2, p3] = line.split(',');
      expect(Number(p1) + Number(p2) + Number(p3)).toBeCloseTo(1, 5);
      expect(score).toBe(p1);
      expect(label).toBe(cls === '1' ? '1' : '0');
    }
    const model = JSON.parse(readFileSync(join(out, 'model/model.json'), 'utf8')) as { modelTopology: unknown };
    expect(JSON.stringify(model.modelTopology)).toContain('"softmax"');
    const binaryOut = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const binary = await cli([...args, '--task', 'binary', '--out', binaryOut]);
    expect(binary.code, binary.stderr).toBe(0);
    expect((JSON.parse(binary.stdout) as { task: string }).task).toBe('binary');
    expect(readFileSync(join(binaryOut, 'scores-test.csv'), 'utf8').split('\n')[0]).toBe('row_index,label,score');
    const bad = await cli([...args, '--task', 'ordinal', '--out', binaryOut]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--task must be auto, binary or multiclass/);
  }, 120_000);
});
