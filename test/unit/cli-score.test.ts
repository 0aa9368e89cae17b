import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { sha256Hex } from '../../src/core/index.ts';
import { SCORE_PY } from '../../src/core/bundle/score-py.ts';
import { cli } from './cli-runner.ts';
import { PYTHON, pythonMissing, readPlainCsv, TITANIC, trainTitanic, unzipTo } from './scoring-fixtures.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'mle-score-'));
let lr: { dir: string; zip: string };
let mlp: { dir: string; zip: string };

beforeAll(async () => {
  [lr, mlp] = await Promise.all([trainTitanic('logistic'), trainTitanic('mlp')]);
}, 180_000);

/** Titanic rows rewritten by `edit` (header and rows as arrays), written to a temp file. */
function shifted(edit: (header: string[], rows: string[][]) => void): string {
  const parsed = Papa.parse<string[]>(readFileSync(TITANIC, 'utf8').trim(), {});
  const [header, ...rows] = parsed.data;
  edit(header, rows);
  const path = join(tmp(), 'shifted.csv');
  writeFileSync(path, `${Papa.unparse([header, ...rows])}\n`);
  return path;
}

describe('mle-playground score', () => {
  test('the bundle carries inference-contract.json, reference-profile.json and score.py, hashed, with no PII values', () => {
    const files = unzipSync(new Uint8Array(readFileSync(lr.zip)));
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: Record<string, string> };
    for (const name of ['inference-contract.json', 'reference-profile.json', 'score.py']) expect(Object.keys(manifest.files)).toContain(name);
    expect(strFromU8(files['score.py'])).toBe(SCORE_PY);
    const contract = JSON.parse(strFromU8(files['inference-contract.json'])) as { columns: { name: string }[]; pii_columns: string[]; threshold: number; classes: string[] };
    expect(contract.columns.map((c) => c.name)).toEqual(['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'embarked']);
    expect(contract.pii_columns).toEqual(['name']);
    expect(contract.classes).toEqual(['0', '1']);
    const text = strFromU8(files['inference-contract.json']) + strFromU8(files['reference-profile.json']);
    // Passenger names (the PII column) never reach either file.
    for (const name of ['Allen, Miss. Elisabeth Walton', 'Allison', 'Walton']) expect(text).not.toContain(name);
  });

  test('score.py in the repository is the text the bundle ships (regenerate score-py.ts after editing it)', () => {
    expect(readFileSync(new URL('../../src/core/bundle/score.py', import.meta.url), 'utf8')).toBe(SCORE_PY);
  });

  for (const model of ['logistic', 'mlp'] as const) {
    test(`${model}: scores every Titanic row and reproduces the app's own test scores to 1e-6`, async () => {
      const bundle = model === 'logistic' ? lr : mlp;
      const out = join(tmp(), 'scored.csv');
      const { code, stdout } = await cli(['score', bundle.zip, TITANIC, '--out', out]);
      expect(code).toBe(0);
      const summary = JSON.parse(stdout) as { bundle_id: string; rows: number; scored: number; rejected: number };
      expect(summary).toMatchObject({ rows: 1309, scored: 1309, rejected: 0 });
      const scored = new Map(readPlainCsv(out).map((r) => [Number(r.row), r]));
      const app = readPlainCsv(join(bundle.dir, 'scores-test.csv'));
      expect(app.length).toBeGreaterThan(200);
      for (const r of app) expect(Math.abs(Number(scored.get(Number(r.row_index) + 1)?.score) - Number(r.score))).toBeLessThan(1e-6);
      const first = scored.get(1);
      expect(first?.model_version).toBe(summary.bundle_id);
      expect(first?.decision).toBe(Number(first?.score) >= 0.5 ? '1' : '0');
    }, 60_000);
  }

  test('a shifted snapshot: new category and shifted ages are flagged, drift alerts on age and exits 1', async () => {
    const csv = shifted((header, rows) => {
      const age = header.indexOf('age');
      const embarked = header.indexOf('embarked');
      rows.forEach((r, i) => {
        if (r[age] !== '') r[age] = String(Number(r[age]) + 30);
        if (i % 10 === 0) r[embarked] = 'X';
      });
    });
    const dir = tmp();
    const { code, stdout } = await cli(['score', lr.zip, csv, '--out', join(dir, 's.csv'), '--rejects', join(dir, 'r.csv'), '--drift', join(dir, 'd.json')]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { issues: Record<string, number>; rejected: number };
    expect(summary.issues.unseen_category).toBe(131);
    expect(summary.issues.out_of_range).toBeGreaterThan(50);
    expect(summary.rejected).toBe(0);
    const flagged = readPlainCsv(join(dir, 's.csv')).find((r) => r.row === '1');
    expect(flagged?.flags).toBe('unseen_category:embarked');
    const drift = JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8')) as { features: { column: string; level: string; psi: number; new_categories?: { value: string; count: number }[] }[]; summary: string };
    const age = drift.features.find((f) => f.column === 'age');
    expect(age?.level).toBe('alert');
    expect(drift.features.find((f) => f.column === 'embarked')?.new_categories).toEqual([{ value: 'X', count: 131 }]);
    expect(drift.summary).toMatch(/what moved most: age/);

    const gate = await cli(['drift', lr.zip, csv]);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('alert');
    const calm = await cli(['drift', lr.zip, TITANIC]);
    expect(calm.code).toBe(0);
    expect((JSON.parse(calm.stdout) as { alerts: number }).alerts).toBe(0);
    // Raising the levels is how a team accepts a known shift.
    expect((await cli(['drift', lr.zip, csv, '--psi-warn', '5', '--psi-alert', '10', '--missing-alert', '1'])).code).toBe(0);
  }, 60_000);

  test('a dropped model column stops scoring with one message (exit 2) and writes no output', async () => {
    const csv = shifted((header, rows) => {
      const fare = header.indexOf('fare');
      header.splice(fare, 1);
      for (const r of rows) r.splice(fare, 1);
    });
    const out = join(tmp(), 'scored.csv');
    const { code, stderr } = await cli(['score', lr.zip, csv, '--out', out]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('mle-playground: shifted.csv lacks the column "fare" that the model needs; nothing was scored');
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  test('wrong types are rejected by default, or scored with a flag on request', async () => {
    const csv = shifted((header, rows) => {
      rows[4][header.indexOf('fare')] = 'cheap';
    });
    const dir = tmp();
    const rejected = await cli(['score', lr.zip, csv, '--out', join(dir, 'a.csv'), '--rejects', join(dir, 'r.csv')]);
    expect(rejected.code).toBe(0);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toBe('row,column,reason,value\n5,fare,wrong_type,cheap\n');
    expect(readPlainCsv(join(dir, 'a.csv')).some((r) => r.row === '5')).toBe(false);
    const flagged = await cli(['score', lr.zip, csv, '--out', join(dir, 'b.csv'), '--on', 'wrong_type=flag']);
    expect(flagged.code).toBe(0);
    expect(readPlainCsv(join(dir, 'b.csv')).find((r) => r.row === '5')?.flags).toBe('wrong_type:fare');
    const bad = await cli(['score', lr.zip, csv, '--out', join(dir, 'c.csv'), '--on', 'typo=flag']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown issue kind "typo"');
  }, 30_000);

  test('a file that is not a bundle exits 2 with the reason', async () => {
    const { code, stderr } = await cli(['score', TITANIC, TITANIC, '--out', join(tmp(), 'x.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain('titanic.csv is not a readable bundle zip');
  });

  test('a bundle with a tampered weight byte is refused before scoring (exit 2, the hash named), and nothing is written', async () => {
    const files = unzipSync(new Uint8Array(readFileSync(lr.zip)));
    files['model/weights.bin'][3] ^= 0x01;
    const zip = join(tmp(), 'tampered.zip');
    writeFileSync(zip, zipSync(files));
    const out = join(tmp(), 'x.csv');
    const { code, stderr } = await cli(['score', zip, TITANIC, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/tampered\.zip is not a readable bundle zip \(model\/weights\.bin has SHA-256 [0-9a-f]{12}…, but manifest\.json says/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});

const noNumpy = pythonMissing(['numpy']);
const noPandas = pythonMissing(['numpy', 'pandas']);

describe('score.py, the NumPy reference scorer in the bundle', () => {
  if (noNumpy) console.warn(`skipping score.py parity: ${noNumpy}`);
  for (const model of ['logistic', 'mlp'] as const) {
    test.skipIf(noNumpy !== null)(`${model}: python3 score.py writes the CLI's score columns to 1e-6`, async () => {
      const bundle = model === 'logistic' ? lr : mlp;
      const dir = unzipTo(bundle.zip);
      const ours = join(tmp(), 'cli.csv');
      expect((await cli(['score', bundle.zip, TITANIC, '--out', ours])).code).toBe(0);
      const theirs = join(tmp(), 'py.csv');
      execFileSync(PYTHON, [join(dir, 'score.py'), TITANIC, '--out', theirs], { cwd: dir });
      const a = readPlainCsv(ours);
      const b = readPlainCsv(theirs);
      expect(Object.keys(b[0])).toEqual(['row', 'score', 'decision']);
      expect(b.length).toBe(a.length);
      let worst = 0;
      b.forEach((r, i) => {
        expect(r.row).toBe(a[i].row);
        expect(r.decision).toBe(a[i].decision);
        worst = Math.max(worst, Math.abs(Number(r.score) - Number(a[i].score)));
      });
      expect(worst).toBeLessThan(1e-6);
    }, 60_000);
  }

  test.skipIf(noNumpy !== null)('score.py reads awkward cells as the app does: BOM, CRLF, quotes, spaces, exponents, signs, tokens, case', async () => {
    const dir = unzipTo(lr.zip);
    const lines = [
      'pclass,sex,age,sibsp,parch,fare,embarked',
      '1,female,29,0,0,211.3375,S',
      '"2"," male ",1e1,0,0,+7.25,Q',
      '3,MALE,NA,0,0,007.50,',
      '1,female,?,1,0,NaN,C',
      '2,male,abc,0,0,8,S',
      '3,male,0x1F,0,0,-0,S',
      ' 3 ,male, 22 ,0,0,8.,"S"',
      '3,male,Infinity,0,0,.5,s',
      '2,female,1.5e-7,0,0,1234567890123456789,S',
    ];
    const input = join(tmp(), 'awkward.csv');
    writeFileSync(input, `\uFEFF${lines.join('\r\n')}\r\n`);
    const ours = join(tmp(), 'cli.csv');
    expect((await cli(['score', lr.zip, input, '--out', ours, '--on', 'wrong_type=flag'])).code).toBe(0);
    const theirs = join(tmp(), 'py.csv');
    execFileSync(PYTHON, [join(dir, 'score.py'), input, '--out', theirs], { cwd: dir });
    const a = readPlainCsv(ours);
    const b = readPlainCsv(theirs);
    expect(a.map((r) => r.row)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(b.map((r) => [r.row, r.decision])).toEqual(a.map((r) => [r.row, r.decision]));
    // Only the summation order differs (BLAS against a JS loop): the last digit or two.
    b.forEach((r, i) => expect(Math.abs(Number(r.score) - Number(a[i].score))).toBeLessThan(1e-12));
    expect(a[4].flags).toBe('wrong_type:age');
    expect(a[2].flags).toBe('unseen_category:sex');
  }, 60_000);

  test.skipIf(noPandas !== null)('from score import score_frame works on a pandas DataFrame', async () => {
    const dir = unzipTo(lr.zip);
    const ours = join(tmp(), 'cli.csv');
    expect((await cli(['score', lr.zip, TITANIC, '--out', ours])).code).toBe(0);
    const program = [
      'import sys, pandas as pd', `sys.path.insert(0, ${JSON.stringify(dir)})`, 'from score import score_frame',
      `df = pd.read_csv(${JSON.stringify(TITANIC)})`, 'out = score_frame(df)', 'print(out.to_csv(index=False), end="")',
    ].join('\n');
    const csv = execFileSync(PYTHON, ['-c', program], { encoding: 'utf8' });
    const rows = csv.trim().split('\n').slice(1).map((l) => l.split(','));
    const a = readPlainCsv(ours);
    expect(rows.length).toBe(a.length);
    // Default pandas dtypes (floats for numbers, NaN for gaps) still read the same, via cell_text.
    rows.forEach((r, i) => expect(Math.abs(Number(r[1]) - Number(a[i].score))).toBeLessThan(1e-6));
  }, 60_000);

  test('the snapshot the bundle names is the Titanic file', async () => {
    const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(lr.zip)))['manifest.json'])) as { snapshot: { sha256: string } };
    expect(manifest.snapshot.sha256).toBe(await sha256Hex(new Uint8Array(readFileSync(TITANIC))));
  });
});
