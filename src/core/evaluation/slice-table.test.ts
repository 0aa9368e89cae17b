import { describe, expect, test } from 'vitest';
import type { Column } from '../data/column.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { BinaryCi } from '../metrics/bootstrap.ts';
import { MIN_SLICE_ROWS, sliceTable, type OverallMetrics } from './slice-table.ts';

function snapshot(columns: Column[]): Snapshot {
  const rowCount = columns[0].type === 'numeric' || columns[0].type === 'datetime' ? columns[0].values.length : columns[0].codes.length;
  return { id: 'x'.repeat(64), fileName: 't.csv', byteLength: 0, rowCount, delimiter: ',', columns, warnings: [] };
}
const cat = (name: string, categories: string[], codes: number[]): Column => ({ name, type: 'categorical', codes: Int32Array.from(codes), categories, missing: 0, distinct: categories.length });
const NO_OVERALL: OverallMetrics = { roc_auc: null, precision: null, recall: null, fpr: null, fnr: null };

// Snapshot rows: sex, pclass, score, label (threshold 0.5). Evaluated in reverse order so rows[i] != i.
//   0: female 1 0.9 1 | 1: female 2 0.2 0 | 2: male 1 0.8 0 | 3: male 1 0.7 1 | 4: male 1 0.1 1 | 5: female 2 0.6 1
const tiny = snapshot([cat('sex', ['female', 'male'], [0, 0, 1, 1, 1, 0]), cat('pclass', ['1', '2'], [0, 1, 0, 0, 0, 1])]);
const tinyRows = Int32Array.from([5, 4, 3, 2, 1, 0]);
const tinyScores = Float64Array.from([0.6, 0.1, 0.7, 0.8, 0.2, 0.9]);
const tinyLabels = Uint8Array.from([1, 1, 1, 0, 0, 1]);

// roc_auc hi 0.7 < 0.8: weak. precision hi 0.95 >= 0.9: not. recall bounds null: not. fpr lo 0.3 > 0.2: weak.
// fnr lo 0.05 <= 0.1: not.
const overall: OverallMetrics = { roc_auc: 0.8, precision: 0.9, recall: 0.7, fpr: 0.2, fnr: 0.1 };
const fixedCi: BinaryCi = {
  roc_auc: { lo: 0.5, hi: 0.7 },
  average_precision: { lo: 0, hi: 0.1 },
  precision: { lo: 0.8, hi: 0.95 },
  recall: { lo: null, hi: null },
  f1: { lo: 0, hi: 0.1 },
  fpr: { lo: 0.3, hi: 0.5 },
  fnr: { lo: 0.05, hi: 0.2 },
};

describe('sliceTable', () => {
  test('one column: a row per category, metrics on its rows', () => {
    const t = sliceTable(tiny, tinyRows, tinyScores, tinyLabels, 0.5, { columns: ['sex'] }, NO_OVERALL, null);
    expect(t.min_rows).toBe(MIN_SLICE_ROWS);
    expect(t.rows.map((r) => [r.key, r.n, r.n_pos])).toEqual([
      ['sex=female', 3, 2], // tie 3-3: category order
      ['sex=male', 3, 2],
    ]);
    // male: scores .8(neg) .7(pos) .1(pos): tp 1, fp 1, fn 1, tn 0; no positive outranks the negative
    const male = t.rows[1];
    expect(male.positive_rate).toBeCloseTo(2 / 3, 15);
    expect([male.roc_auc, male.precision, male.recall, male.fpr, male.fnr]).toEqual([0, 0.5, 0.5, 1, 0.5]);
  });

  test('two columns: non-empty combinations in first-then-second slice order', () => {
    const t = sliceTable(tiny, tinyRows, tinyScores, tinyLabels, 0.5, { columns: ['sex', 'pclass'] }, NO_OVERALL, null);
    // male & pclass=2 has no rows, so it is left out.
    expect(t.rows.map((r) => r.key)).toEqual(['sex=female & pclass=1', 'sex=female & pclass=2', 'sex=male & pclass=1']);
    expect(t.rows[1].values).toEqual(['female', '2']);
    const [f1, f2] = t.rows;
    // female & 1: one positive flagged. AUC needs both classes; FPR has no negatives.
    expect([f1.n, f1.n_pos, f1.positive_rate, f1.roc_auc, f1.precision, f1.recall, f1.fpr, f1.fnr]).toEqual([1, 1, 1, null, 1, 1, null, 0]);
    // female & 2: 0.6 (pos, flagged) and 0.2 (neg, not flagged)
    expect([f2.n, f2.n_pos, f2.positive_rate, f2.roc_auc, f2.precision, f2.recall, f2.fpr, f2.fnr]).toEqual([2, 1, 0.5, 1, 1, 1, 0, 0]);
  });

  test('slices under 30 rows are too_small: no interval is computed and nothing is weak', () => {
    let calls = 0;
    const interval = (): BinaryCi => {
      calls++;
      return fixedCi;
    };
    const t = sliceTable(tiny, tinyRows, tinyScores, tinyLabels, 0.5, { columns: ['sex'] }, overall, interval);
    expect(calls).toBe(0);
    for (const r of t.rows) expect([r.too_small, r.ci, r.weak]).toEqual([true, null, []]);
  });

  test('weak: interval wholly below overall (higher-better) or above it (lower-better)', () => {
    // 30 rows of "a" and 29 of "b": only "a" is big enough for an interval.
    const g = Array.from({ length: 59 }, (_, i) => (i < 30 ? 0 : 1));
    const snap = snapshot([cat('g', ['a', 'b'], g)]);
    const rows = Int32Array.from(g.keys());
    const scores = Float64Array.from(g, (_, i) => (i % 4) / 4);
    const labels = Uint8Array.from(g, (_, i) => i % 2);
    const seen: number[] = [];
    const interval = (s: Float64Array, y: Uint8Array, threshold: number): BinaryCi => {
      seen.push(s.length, y.length, threshold);
      return fixedCi;
    };
    const t = sliceTable(snap, rows, scores, labels, 0.5, { columns: ['g'] }, overall, interval);
    expect(seen).toEqual([30, 30, 0.5]);
    const [a, b] = t.rows;
    expect([a.key, a.n, a.too_small, a.ci]).toEqual(['g=a', 30, false, fixedCi]);
    expect(a.weak).toEqual(['roc_auc', 'fpr']);
    expect([b.key, b.n, b.too_small, b.ci, b.weak]).toEqual(['g=b', 29, true, null, []]);
  });

  test('an overall metric that is null makes nothing weak', () => {
    const g = new Array<number>(30).fill(0);
    const t = sliceTable(snapshot([cat('g', ['a'], g)]), Int32Array.from(g.keys()), new Float64Array(30), new Uint8Array(30), 0.5, { columns: ['g'] }, NO_OVERALL, () => fixedCi);
    expect([t.rows[0].ci, t.rows[0].weak]).toEqual([fixedCi, []]);
  });

  test('without an interval function big slices get ci null and no weak flags', () => {
    const g = new Array<number>(30).fill(0);
    const t = sliceTable(snapshot([cat('g', ['a'], g)]), Int32Array.from(g.keys()), new Float64Array(30), new Uint8Array(30), 0.5, { columns: ['g'] }, overall, null);
    expect([t.rows[0].too_small, t.rows[0].ci, t.rows[0].weak, t.rows[0].positive_rate, t.rows[0].roc_auc]).toEqual([false, null, [], 0, null]);
  });

  test('numeric columns use spec.bins quantile bins', () => {
    const age: Column = { name: 'age', type: 'numeric', values: Float64Array.from([1, 2, 3, 4]), missing: 0, distinct: 4 };
    const t = sliceTable(snapshot([age]), Int32Array.from([0, 1, 2, 3]), Float64Array.from([0.9, 0.1, 0.9, 0.1]), Uint8Array.from([1, 0, 0, 1]), 0.5, { columns: ['age'], bins: 2 }, NO_OVERALL, null);
    expect(t.rows.map((r) => [r.key, r.n])).toEqual([['age=[1, 2.5)', 2], ['age=[2.5, 4]', 2]]);
  });

  test('unknown column names the file', () => {
    expect(() => sliceTable(tiny, tinyRows, tinyScores, tinyLabels, 0.5, { columns: ['nope'] }, NO_OVERALL, null)).toThrow(/"nope".*t\.csv/);
  });
});
