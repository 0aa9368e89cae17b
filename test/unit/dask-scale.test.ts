import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../src/core/index.ts';
import { cli } from './cli-runner.ts';
import { PYTHON, pythonMissing, TITANIC, trainTitanic, unzipTo } from './scoring-fixtures.ts';

// 1M rows by default, as docs/scale.md states; DASK_TEST_ROWS=200000 makes a quicker run on a slow machine.
const ROWS = Number(process.env.DASK_TEST_ROWS ?? 1_000_000);
const missing = pythonMissing(['numpy', 'pandas', 'dask.dataframe', 'distributed']);
const DASK_SCRIPT = new URL('../../bench/dask_score.py', import.meta.url).pathname;

/** ROWS Titanic feature rows drawn with replacement (seeded), as a CSV of about 22 bytes a row. */
function bigTitanic(path: string): void {
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(TITANIC, 'utf8').trim(), {}).data;
  const keep = ['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'embarked'].map((c) => header.indexOf(c));
  const random = createRandom(2026);
  const lines = [keep.map((i) => header[i]).join(',')];
  for (let i = 0; i < ROWS; i++) {
    const r = rows[random.nextInt(rows.length)];
    lines.push(keep.map((k) => r[k]).join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe.skipIf(missing !== null)('score.py on a local Dask cluster', () => {
  let zip = '';
  beforeAll(async () => {
    zip = (await trainTitanic('logistic')).zip;
  }, 120_000);

  test(`map_partitions(score_frame) over ${ROWS} rows matches the CLI's score output row for row`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-dask-'));
    const input = join(dir, 'big.csv');
    bigTitanic(input);
    const ours = join(dir, 'cli.csv');
    const run = await cli(['score', zip, input, '--out', ours]);
    expect(run.code).toBe(0);
    const theirs = join(dir, 'dask.csv');
    const line = execFileSync(PYTHON, [DASK_SCRIPT, unzipTo(zip), input, theirs, '--workers', '2'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const dask = JSON.parse(line.trim().split('\n').pop() as string) as { rows: number; rows_per_second: number };
    const cliSummary = JSON.parse(run.stdout) as { rows_per_second: number };
    console.info(`score ${ROWS} rows: CLI ${cliSummary.rows_per_second} rows/s, Dask (2 workers) ${dask.rows_per_second} rows/s`);
    expect(dask.rows).toBe(ROWS);
    const a = readFileSync(ours, 'utf8').split('\n');
    const b = readFileSync(theirs, 'utf8').split('\n');
    expect(b[0]).toBe('row,score,decision');
    expect(b.length).toBe(a.length);
    let worst = 0;
    for (let i = 1; i < a.length - 1; i++) {
      const x = a[i].split(',');
      const y = b[i].split(',');
      if (x[0] !== y[0] || x[2] !== y[2]) throw new Error(`line ${i + 1} differs: CLI "${a[i]}", Dask "${b[i]}"`);
      worst = Math.max(worst, Math.abs(Number(x[1]) - Number(y[1])));
    }
    expect(worst).toBeLessThan(1e-6);
  }, 300_000);
});

if (missing) console.warn(`skipping the Dask parity test: ${missing}`);
