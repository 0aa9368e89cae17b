import { describe, expect, test } from 'vitest';
import { parseCsv } from '../data/parse-csv.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { fitPreprocessing } from './fit-preprocessing.ts';
import type { CategoricalStep, FeatureStep, NumericStep } from './preprocessing.ts';
import { transform } from './transform.ts';

// Rows 0-3 are training rows; rows 4-5 are held out and carry extreme or unseen values.
//   x: train 1, 2, (missing), 9 → median 2; imputed 1, 2, 2, 9 → mean 3.5, var (6.25+2.25+2.25+30.25)/4 = 10.25
//   y: train 10, 20, 30, 60 (no missing) → median 25, mean 30, var (400+100+0+900)/4 = 350; row 4 missing
//   c: train a, b, a, (missing) → vocabulary [a, b]; row 4 has unseen z
//   k: constant 5 everywhere in train
const CSV = ['x,y,c,k', '1,10,a,5', '2,20,b,5', ',30,a,5', '9,60,,5', '1000,,z,5', '-1000,-500,a,5'].join('\n') + '\n';
const TRAIN = Int32Array.from([0, 1, 2, 3]);
const ALL = Int32Array.from([0, 1, 2, 3, 4, 5]);
const FEATURES = ['x', 'y', 'c', 'k'];

async function snapshot(csv: string): Promise<Snapshot> {
  const result = await parseCsv(new TextEncoder().encode(csv), 'pre.csv');
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

function numericStep(step: FeatureStep): NumericStep {
  if (step.kind !== 'numeric') throw new Error(`${step.column} is not numeric`);
  return step;
}

function categoricalStep(step: FeatureStep): CategoricalStep {
  if (step.kind !== 'categorical') throw new Error(`${step.column} is not categorical`);
  return step;
}

/** Row i of a row-major matrix with `width` columns, as plain numbers. */
const rowOf = (m: Float32Array, width: number, i: number): number[] => Array.from(m.subarray(i * width, (i + 1) * width));

describe('fitPreprocessing', () => {
  test('numeric statistics come from training rows only (held-out 1000/-1000 ignored)', async () => {
    const pre = fitPreprocessing(await snapshot(CSV), FEATURES, TRAIN);
    const x = numericStep(pre.steps[0]);
    expect(x.median).toBe(2);
    expect(x.mean).toBe(3.5);
    expect(x.scale).toBeCloseTo(Math.sqrt(10.25), 12);
    const y = numericStep(pre.steps[1]);
    expect(y.median).toBe(25);
    expect(y.mean).toBe(30);
    expect(y.scale).toBeCloseTo(Math.sqrt(350), 12);
  });

  test('mean and scale use the median-imputed values with ddof = 0', async () => {
    const x = numericStep(fitPreprocessing(await snapshot(CSV), ['x'], TRAIN).steps[0]);
    // Observed-only mean would be 4; ddof = 1 would give sqrt(41/3).
    expect(x.mean).not.toBe(4);
    expect(x.scale).not.toBeCloseTo(Math.sqrt(41 / 3), 6);
    expect(x.scale).toBeCloseTo(3.2015621187164243, 12);
  });

  test('even-count median averages the middle two training values', async () => {
    const y = numericStep(fitPreprocessing(await snapshot(CSV), ['y'], TRAIN).steps[0]);
    expect(y.median).toBe((20 + 30) / 2);
  });

  test('missing indicator exists only when training rows had missing values', async () => {
    const pre = fitPreprocessing(await snapshot(CSV), FEATURES, TRAIN);
    expect(numericStep(pre.steps[0]).missingIndicator).toBe(true);
    // y is missing in held-out row 4 only: no indicator.
    expect(numericStep(pre.steps[1]).missingIndicator).toBe(false);
    expect(pre.outputNames).not.toContain('y__missing');
  });

  test('constant column gets scale 1 and mean equal to the constant', async () => {
    const k = numericStep(fitPreprocessing(await snapshot(CSV), ['k'], TRAIN).steps[0]);
    expect(k).toEqual({ kind: 'numeric', column: 'k', median: 5, mean: 5, scale: 1, missingIndicator: false });
  });

  test('categorical vocabulary is the training values only (unseen z excluded)', async () => {
    const c = categoricalStep(fitPreprocessing(await snapshot(CSV), ['c'], TRAIN).steps[0]);
    expect(c.categories).toEqual(['a', 'b']);
  });

  test('outputNames in feature order: value, indicator, one-hot slots, __other__', async () => {
    const pre = fitPreprocessing(await snapshot(CSV), FEATURES, TRAIN);
    expect(pre.format).toBe(1);
    expect(pre.outputNames).toEqual(['x', 'x__missing', 'y', 'c=a', 'c=b', 'c=__other__', 'k']);
  });

  test('the fitted pipeline is plain JSON (serialisable round trip)', async () => {
    const pre = fitPreprocessing(await snapshot(CSV), FEATURES, TRAIN);
    expect(JSON.parse(JSON.stringify(pre))).toEqual(pre);
  });
});

describe('transform', () => {
  const sx = Math.sqrt(10.25);
  const sy = Math.sqrt(350);

  test('hand-computed matrix for all six rows', async () => {
    const snap = await snapshot(CSV);
    const pre = fitPreprocessing(snap, FEATURES, TRAIN);
    const m = transform(pre, snap, ALL);
    const w = pre.outputNames.length;
    expect(m).toBeInstanceOf(Float32Array);
    expect(m.length).toBe(6 * w);
    const expected: number[][] = [
      [(1 - 3.5) / sx, 0, (10 - 30) / sy, 1, 0, 0, 0],
      [(2 - 3.5) / sx, 0, (20 - 30) / sy, 0, 1, 0, 0],
      [(2 - 3.5) / sx, 1, (30 - 30) / sy, 1, 0, 0, 0], // x missing → median 2, indicator 1
      [(9 - 3.5) / sx, 0, (60 - 30) / sy, 0, 0, 0, 0], // c missing → all zeros
      [(1000 - 3.5) / sx, 0, (25 - 30) / sy, 0, 0, 1, 0], // y missing → median 25; unseen z → __other__
      [(-1000 - 3.5) / sx, 0, (-500 - 30) / sy, 1, 0, 0, 0],
    ];
    expected.forEach((want, i) => {
      const got = rowOf(m, w, i);
      want.forEach((v, j) => expect(got[j]).toBeCloseTo(Math.fround(v), 5));
    });
  });

  test('constant column transforms to exactly 0, never NaN or Infinity', async () => {
    const snap = await snapshot(CSV);
    const pre = fitPreprocessing(snap, ['k'], TRAIN);
    expect(Array.from(transform(pre, snap, ALL))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('no output is NaN or Infinity even with missing cells in held-out rows', async () => {
    const snap = await snapshot(CSV);
    const m = transform(fitPreprocessing(snap, FEATURES, TRAIN), snap, ALL);
    expect(m.every((v) => Number.isFinite(v))).toBe(true);
  });

  test('missing categorical → all zeros, including the __other__ slot', async () => {
    const snap = await snapshot(CSV);
    const pre = fitPreprocessing(snap, ['c'], TRAIN);
    expect(Array.from(transform(pre, snap, Int32Array.from([3])))).toEqual([0, 0, 0]);
  });

  test('calling twice gives the same bits; a row transforms the same alone or in a batch', async () => {
    const snap = await snapshot(CSV);
    const pre = fitPreprocessing(snap, FEATURES, TRAIN);
    const w = pre.outputNames.length;
    const once = transform(pre, snap, ALL);
    const twice = transform(pre, snap, ALL);
    expect(Array.from(twice)).toEqual(Array.from(once));
    const heldOut = transform(pre, snap, Int32Array.from([5, 4]));
    expect(rowOf(heldOut, w, 0)).toEqual(rowOf(once, w, 5));
    expect(rowOf(heldOut, w, 1)).toEqual(rowOf(once, w, 4));
  });

  test('the pipeline applies to a new snapshot with the same columns (scoring)', async () => {
    const snap = await snapshot(CSV);
    const pre = fitPreprocessing(snap, FEATURES, TRAIN);
    const fresh = await snapshot('k,c,y,x\n5,q,NA,3.5\n');
    const got = Array.from(transform(pre, fresh, Int32Array.from([0])));
    expect(got).toEqual([0, 0, Math.fround(-5 / sy), 0, 0, 1, 0]);
  });

  test('empty row selection gives an empty matrix', async () => {
    const snap = await snapshot(CSV);
    const pre = fitPreprocessing(snap, FEATURES, TRAIN);
    expect(transform(pre, snap, new Int32Array(0)).length).toBe(0);
  });
});

describe('scoring a file whose numeric column reads as text', () => {
  test('hex and Infinity are treated as missing (imputed), not as 31 and Infinity', async () => {
    const train = await parseCsv(new TextEncoder().encode('x\n1\n2\n3\n'), 'train.csv');
    const score = await parseCsv(new TextEncoder().encode('x\n0x1F\nInfinity\n2\n'), 'score.csv');
    if (!train.ok || !score.ok) throw new Error('parse failed');
    const pre = fitPreprocessing(train.snapshot, ['x'], Int32Array.from([0, 1, 2]));
    const out = transform(pre, score.snapshot, Int32Array.from([0, 1, 2]));
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});

describe('categories match by value, not by how the scoring file typed the column', () => {
  test('"02134" and "1.50" in a text column still match a file where the column reads as numeric', async () => {
    const train = await parseCsv(new TextEncoder().encode('zip\n02134\n1.50\nx\n'), 'train.csv');
    const score = await parseCsv(new TextEncoder().encode('zip\n2134\n1.5\n'), 'score.csv');
    if (!train.ok || !score.ok) throw new Error('parse failed');
    const pre = fitPreprocessing(train.snapshot, ['zip'], Int32Array.from([0, 1, 2]));
    expect(pre.outputNames).toEqual(['zip=1.5', 'zip=2134', 'zip=x', 'zip=__other__']);
    expect(Array.from(transform(pre, score.snapshot, Int32Array.from([0, 1])))).toEqual([0, 1, 0, 0, 1, 0, 0, 0]);
  });

  test('a column with more distinct training values than MAX_CATEGORIES keeps the most frequent and pools the rest', async () => {
    const lines = ['id', ...Array.from({ length: 150 }, (_, i) => `v${i}`), 'v7', 'v7'];
    const parsed = await parseCsv(new TextEncoder().encode(`${lines.join('\n')}\n`), 'wide.csv');
    if (!parsed.ok) throw new Error('parse failed');
    const rows = Int32Array.from({ length: parsed.snapshot.rowCount }, (_, i) => i);
    const pre = fitPreprocessing(parsed.snapshot, ['id'], rows);
    expect(pre.outputNames).toHaveLength(101);
    expect(pre.outputNames[0]).toBe('id=v7');
  });
});
