import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cli } from './cli-runner.ts';
import { PYTHON, pythonMissing, unzipTo } from './scoring-fixtures.ts';

/** 300 rows, x ~ N(y, 1), about 40% positive; seeded LCG so the file is the same on every run. */
function labelledCsv(): string {
  let s = 12345;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = Array.from({ length: 300 }, (_, i) => {
    const y = next() < 0.4 ? 1 : 0;
    return `${(y + next() - 0.5).toFixed(3)},${y},g${i % 2}`;
  });
  return `x,y,g\n${rows.join('\n')}\n`;
}

function files(): { dir: string; csv: string; contract: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mle-robust-'));
  const csv = join(dir, 'data.csv');
  writeFileSync(csv, labelledCsv());
  const contract = join(dir, 'contract.json');
  // A group split on the label itself: every row of one class lands in one part.
  writeFileSync(contract, JSON.stringify({ label: 'y', roles: { g: 'ignore' }, split: { policy: 'group', column: 'y', fractions: [0.6, 0.2, 0.2] } }));
  return { dir, csv, contract };
}

describe('an impossible split (a training part with one class)', () => {
  test('check reports it as a failed validation finding and exits 1', async () => {
    const { csv, contract } = files();
    const { code, stdout, stderr } = await cli(['check', csv, '--contract', contract]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { validation: { id: string; status: string; message: string }[]; split: { train: { nPositive: number }; blocking: string[] }; blocking: string[] };
    const finding = out.validation.find((f) => f.id === 'split:train-classes');
    expect(finding?.status).toBe('fail');
    expect(out.split.blocking).toEqual([finding?.message]);
    expect(finding?.message).toMatch(/^The train split has no (positive|negative) rows/);
    expect(out.blocking).toContain('split:train-classes');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('train refuses with exit 1 and the split summary\'s message, and writes no bundle', async () => {
    const { dir, csv, contract } = files();
    const out = join(dir, 'out');
    const { code, stderr } = await cli(['train', csv, '--contract', contract, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/The train split has no (positive|negative) rows \(\d+ of \d+/);
    expect(() => readdirSync(out)).toThrow();
  }, 60_000);
});

const FIRST = ['David', 'Maria', 'John', 'Aisha', 'Peter', 'Olga', 'Chen', 'Fatima', 'Lucas', 'Emma', 'Noah', 'Sofia'];
const LAST = ['Smi', 'Gar', 'Oka', 'Nov', 'Lar'];

/** 240 seeded rows: free-text notes that repeat (so the profile keeps them categorical), truncated names, a region. */
function notesCsv(): string {
  let s = 99;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const rows = Array.from({ length: 240 }, () => {
    const y = next() < 0.35 ? 1 : 0;
    const first = pick(FIRST);
    return `${(0.8 * y + 1.5 * next()).toFixed(2)},called ${first} about ${pick(['the refund', 'a late payment'])},${first} ${pick(LAST)},${pick(['north', 'south'])},${y}`;
  });
  return `amount,notes,rep,region,y\n${rows.join('\n')}\n`;
}

async function trainBundle(contract: object): Promise<{ files: Record<string, Uint8Array>; scores: string; zip: string; csv: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mle-pii-'));
  const csv = join(dir, 'notes.csv');
  writeFileSync(csv, notesCsv());
  const contractPath = join(dir, 'contract.json');
  writeFileSync(contractPath, JSON.stringify(contract));
  const out = join(dir, 'out');
  const { code, stderr } = await cli(['train', csv, '--contract', contractPath, '--out', out, '--seed', '3']);
  expect(stderr).not.toMatch(/mle-playground:/);
  expect(code).toBe(0);
  const zip = readdirSync(out).find((f) => f.endsWith('.zip')) as string;
  return { files: unzipSync(new Uint8Array(readFileSync(join(out, zip)))), scores: readFileSync(join(out, 'scores-test.csv'), 'utf8'), zip: join(out, zip), csv };
}

describe('PII-safe category values in the bundle', () => {
  const base = { label: 'y', roles: { notes: 'feature', rep: 'feature', region: 'feature' } };

  test('check flags the notes and the names before training (a warning, exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-pii-'));
    writeFileSync(join(dir, 'notes.csv'), notesCsv());
    writeFileSync(join(dir, 'c.json'), JSON.stringify(base));
    const { code, stdout } = await cli(['check', join(dir, 'notes.csv'), '--contract', join(dir, 'c.json')]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { validation: { id: string; status: string }[] };
    expect(out.validation.filter((f) => f.id.startsWith('pii:values:')).map((f) => [f.id, f.status])).toEqual([['pii:values:notes', 'warn'], ['pii:values:rep', 'warn']]);
  });

  test('"keep values out" hashes notes and names: no raw value in any bundle file, the manifest says where raw values are, and scores are unchanged', async () => {
    const clear = await trainBundle(base);
    const hashed = await trainBundle({ ...base, hashedColumns: ['notes', 'rep'] });
    const text = (files: Record<string, Uint8Array>) => Object.entries(files).filter(([p]) => !p.endsWith('.bin')).map(([, b]) => strFromU8(b)).join('\n');
    // Without the choice the values are in clear (the leak the issue found)...
    expect(text(clear.files)).toContain('called David about');
    // ...with it, a search of every file finds no first name, no truncated name and no note.
    const all = text(hashed.files);
    for (const first of FIRST) expect(all).not.toContain(first);
    // A truncated surname as a whole word (so the report's "Larger means…" is no leak of "Lar").
    for (const last of LAST) expect(all).not.toMatch(new RegExp(` ${last}\\b`));
    expect(all).not.toContain('refund');
    const manifest = JSON.parse(strFromU8(hashed.files['manifest.json'])) as { raw_values: { file: string; columns: string[] }[]; hashed_values: string[] };
    expect(manifest.hashed_values).toEqual(['notes', 'rep']);
    expect(manifest.raw_values.find((e) => e.file === 'preprocessing.json')).toEqual({ file: 'preprocessing.json', columns: ['region'] });
    expect(manifest.raw_values.find((e) => e.file === 'config.json')).toEqual({ file: 'config.json', columns: ['y'] });
    const pre = JSON.parse(strFromU8(hashed.files['preprocessing.json'])) as { steps: { column: string; salt?: string; categories?: string[] }[] };
    const notes = pre.steps.find((s) => s.column === 'notes');
    expect(notes?.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(notes?.categories?.every((c) => /^[0-9a-f]{64}$/.test(c))).toBe(true);
    const clearManifest = JSON.parse(strFromU8(clear.files['manifest.json'])) as { raw_values: { file: string; columns: string[] }[] };
    expect(clearManifest.raw_values.find((e) => e.file === 'preprocessing.json')?.columns).toEqual(['notes', 'rep', 'region']);
    // Scoring hashes incoming values the same way: the same model gives the same test scores.
    expect(hashed.scores).toBe(clear.scores);
  }, 120_000);

  test('a bundle with hashed columns scores new rows exactly as the clear one, in the CLI and in score.py', async () => {
    const clear = await trainBundle(base);
    const hashed = await trainBundle({ ...base, hashedColumns: ['notes', 'rep'] });
    const scored = async (zip: string): Promise<string[]> => {
      const out = join(mkdtempSync(join(tmpdir(), 'mle-pii-')), 'scored.csv');
      const { code, stderr } = await cli(['score', zip, clear.csv, '--out', out]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      return readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split(',').slice(0, 3).join(','));
    };
    const a = await scored(clear.zip);
    expect(a.length).toBe(241);
    expect(await scored(hashed.zip)).toEqual(a);
    // The hashed bundle's inference contract and reference profile list no values of the hashed columns either.
    const contract = JSON.parse(strFromU8(hashed.files['inference-contract.json'])) as { columns: { name: string; categories: string[] | null }[] };
    expect(contract.columns.find((c) => c.name === 'notes')?.categories).toBeNull();
    if (pythonMissing(['numpy']) !== null) return;
    const dir = unzipTo(hashed.zip);
    const py = join(dir, 'py.csv');
    execFileSync(PYTHON, [join(dir, 'score.py'), clear.csv, '--out', py], { cwd: dir });
    const rows = readFileSync(py, 'utf8').trim().split('\n').slice(1).map((line) => Number(line.split(',')[1]));
    const ours = a.slice(1).map((line) => Number(line.split(',')[1]));
    expect(rows.length).toBe(ours.length);
    expect(Math.max(...rows.map((v, i) => Math.abs(v - ours[i])))).toBeLessThan(1e-6);
  }, 120_000);
});
