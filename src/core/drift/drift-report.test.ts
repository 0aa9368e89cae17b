import { describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import { DistributionCounts, DriftAccumulator } from './drift-accumulator.ts';
import { driftReport } from './drift-report.ts';
import { binCounts, binOf, psi } from './psi.ts';
import { distribution, scoreReference, type ReferenceProfile } from './reference-profile.ts';

// Reference: x = 0..99 (plus 10 missing of 110), c = a×60, b×40 (10% missing on top), scores 0.00..0.99 at threshold 0.5.
const xs = Float64Array.from({ length: 100 }, (_, i) => i);
const REFERENCE: ReferenceProfile = {
  format: 1, source: 'train split', threshold: 0.5,
  columns: [
    { name: 'x', kind: 'numeric', missing_rate: 10 / 110, ...distribution(Float64Array.from(xs)) },
    { name: 'c', kind: 'categorical', n: 110, missing_rate: 10 / 110, counts: { a: 60, b: 40 }, other_count: 0 },
  ],
  scores: { validation: null, test: scoreReference(Float64Array.from({ length: 100 }, (_, i) => i / 100), 0.5) },
};

function accumulate(rows: { x: number; c: string | null; p: number }[]): DriftAccumulator {
  const acc = new DriftAccumulator(REFERENCE, ['x', 'c']);
  for (const r of rows) {
    acc.addRow(Float64Array.of(r.x, NaN), [null, r.c]);
    acc.addScore(r.p);
  }
  return acc;
}

describe('driftReport', () => {
  test('the same data as the reference: PSI 0, KS 0, no alerts, a calm summary', () => {
    const rows = Array.from({ length: 110 }, (_, i) => ({ x: i < 100 ? i : NaN, c: i < 60 ? 'a' : i < 100 ? 'b' : null, p: (i % 100) / 100 }));
    const report = driftReport(accumulate(rows));
    const ref = REFERENCE.columns[0];
    if (ref.kind !== 'numeric') throw new Error('x is numeric');
    expect(report.features[0].psi).toBe(psi(ref.counts, binCounts(ref.edges, xs)));
    expect(report.features[0].psi).toBe(0);
    expect(report.features[0].ks?.statistic).toBe(0);
    expect(report.features[0].missing_rate.change).toBeCloseTo(0, 15);
    expect(report.features[1].psi).toBe(0);
    expect(report.features[1].missing_rate.change).toBeCloseTo(0, 15);
    expect(report.alerts).toBe(0);
    expect(report.summary).toMatch(/^No input column moved past the warn level over 110 rows\. The score held steady/);
  });

  test('shifted x, a new category and more missing values: alerts, the new value listed, the summary names x first', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ x: 50 + (i % 100), c: i % 4 === 0 ? 'z' : i % 4 === 1 ? null : 'a', p: 0.9 }));
    const report = driftReport(accumulate(rows));
    const [x, c] = report.features;
    expect(x.level).toBe('alert');
    // Half the new values lie at or above the reference's maximum 99's top bin edge (89.1): KS is at least 0.49.
    expect(x.ks?.statistic).toBeGreaterThanOrEqual(0.49);
    expect(c.new_categories).toEqual([{ value: 'z', count: 50 }]);
    expect(c.vanished_categories).toEqual(['b']);
    expect(c.missing_rate.new).toBe(0.25);
    expect(c.level).toBe('alert');
    expect(report.prediction?.level).toBe('alert');
    // 0.41..0.59 plus 0.40 and 0.60, whose float distances to 0.5 fall just under 0.1.
    expect(report.prediction?.confidence.near_threshold_share).toEqual({ reference: 0.21, new: 0 });
    // c moved more than x (PSI), so it is named first.
    expect(c.psi).toBeGreaterThan(x.psi);
    expect(report.summary).toMatch(/^Over 200 rows, what moved most: c \(alert: PSI \d+\.\d{3}, missing 9\.1% → 25\.0%, 1 new value \(e\.g\. "z"\), 1 training value absent\); x \(alert: PSI/);
  });

  test('levels are editable: high levels turn the same drift into ok', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ x: 50 + i, c: 'a', p: 0.5 }));
    const strict = driftReport(accumulate(rows));
    const lax = driftReport(accumulate(rows), { psi_warn: 50, psi_alert: 100, missing_warn: 1, missing_alert: 1 });
    expect(strict.alerts).toBeGreaterThan(0);
    expect(lax.alerts + lax.warnings).toBe(0);
  });
});

describe('DistributionCounts', () => {
  const random = createRandom(5);
  // Half-steps 0..10 in the reference: many ties, so edges and percentiles repeat.
  const reference = distribution(Float64Array.from({ length: 500 }, () => Math.round(random.next() * 20) / 2));
  const values = [...Array.from({ length: 2000 }, () => Math.round(random.next() * 24 - 2) / 2), ...reference.percentiles, ...reference.edges, -5, 99, 0.1, 9.99];
  const expectedBins = (edges: readonly number[]) => {
    const out = new Array<number>(edges.length + 1).fill(0);
    for (const v of values) out[binOf(edges, v)]++;
    return out;
  };
  const counted = (d: typeof reference) => {
    const c = new DistributionCounts(d);
    for (const v of values) c.add(v);
    return c;
  };

  test('one search of the percentiles gives the PSI bins of searching the edges, ties and tails included', () => {
    expect([...counted(reference).bins]).toEqual(expectedBins(reference.edges));
  });

  test('the KS grid: each value counted at the first percentile >= it, skewed references too', () => {
    const skewed = distribution(Float64Array.from({ length: 1000 }, () => Math.exp(8 * random.next())));
    for (const d of [reference, skewed]) {
      const mixed = [...values, ...d.percentiles, ...d.percentiles.map((q) => q * (1 + 1e-12)), ...d.percentiles.map((q) => q * (1 - 1e-12))];
      const c = new DistributionCounts(d);
      for (const v of mixed) c.add(v);
      const grid = new Array<number>(d.percentiles.length).fill(0);
      for (const v of mixed) {
        const k = d.percentiles.findIndex((q) => q >= v);
        if (k >= 0) grid[k]++;
      }
      expect([...c.grid]).toEqual(grid);
      expect(c.belowFirst).toBe(mixed.filter((v) => v < d.percentiles[0]).length);
    }
  });

  test('edges that are not percentiles fall back to searching the edges, with the same KS grid', () => {
    const odd = { ...reference, edges: [2.25, 7.75] };
    expect([...counted(odd).bins]).toEqual(expectedBins(odd.edges));
    expect([...counted(odd).grid]).toEqual([...counted(reference).grid]);
  });
});
