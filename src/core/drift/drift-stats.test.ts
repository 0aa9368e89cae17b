import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chiSquareTwoSample } from './chi-square.ts';
import { ksFromGrid, ksTwoSample } from './ks.ts';
import { binCounts, psi, psiEdges } from './psi.ts';
import { distribution } from './reference-profile.ts';
import { chiSquareSf, kolmogorovSf } from './special-functions.ts';

// numpy/scipy values written by test/fixtures/drift/generate_drift_fixtures.py (versions recorded in the file).
interface Fixture {
  psi: { name: string; reference: number[]; new: number[]; edges: number[]; psi: number }[];
  ks: { name: string; a: number[]; b: number[]; statistic: number; p_kstwobign: number }[];
  chi_square: { name: string; reference: number[]; new: number[]; statistic: number; dof: number; p_value: number }[];
  special: { chi2_sf: [number, number, number][]; kstwobign_sf: [number, number][] };
}
const FIXTURE = JSON.parse(readFileSync(new URL('../../../test/fixtures/drift/drift_stats.json', import.meta.url), 'utf8')) as Fixture;
const sorted = (v: number[]) => Float64Array.from(v).sort();
const relClose = (actual: number, expected: number, tol: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1e-300, Math.abs(expected)));

describe('PSI against numpy', () => {
  for (const c of FIXTURE.psi) {
    test(`${c.name}: edges and PSI match to 1e-12`, () => {
      const ref = sorted(c.reference);
      const edges = psiEdges(ref);
      expect(edges.length).toBe(c.edges.length);
      edges.forEach((e, i) => expect(e).toBeCloseTo(c.edges[i], 12));
      const value = psi(binCounts(edges, ref), binCounts(edges, Float64Array.from(c.new)));
      relClose(value, c.psi, 1e-12);
    });
  }

  test('identical samples give PSI 0, and a value on an edge falls in the bin to its right', () => {
    const ref = Float64Array.from({ length: 100 }, (_, i) => i);
    const edges = psiEdges(ref);
    expect(psi(binCounts(edges, ref), binCounts(edges, ref))).toBe(0);
    expect(Array.from(binCounts(edges, Float64Array.of(edges[0])))).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('an empty new bin is floored at 1e-4: PSI is finite', () => {
    const ref = Float64Array.from({ length: 10 }, (_, i) => i);
    const edges = psiEdges(ref);
    const value = psi(binCounts(edges, ref), binCounts(edges, Float64Array.of(100, 100)));
    // Nine bins go from 0.1 to 1e-4, one from 0.1 to 1.
    expect(value).toBeCloseTo(9 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1) + 0.9 * Math.log(10), 12);
  });
});

describe('two-sample KS against scipy', () => {
  for (const c of FIXTURE.ks) {
    test(`${c.name}: statistic to 1e-12, kstwobign p-value to 1e-9 relative`, () => {
      const r = ksTwoSample(sorted(c.a), sorted(c.b));
      expect(r.statistic).toBeCloseTo(c.statistic, 12);
      relClose(r.p_value, c.p_kstwobign, 1e-9);
    });
  }

  test('the percentile-grid KS never exceeds the exact statistic and is within 0.02 of it', () => {
    for (const c of FIXTURE.ks) {
      const a = sorted(c.a);
      const b = sorted(c.b);
      const { percentiles, cdf } = distribution(Float64Array.from(a));
      const atOrBelow = percentiles.map((g) => b.filter((x) => x <= g).length);
      const below = b.filter((x) => x < percentiles[0]).length;
      const approx = ksFromGrid(percentiles, cdf, a.length, atOrBelow, below, b.length);
      expect(approx.statistic).toBeLessThanOrEqual(c.statistic + 1e-12);
      expect(c.statistic - approx.statistic).toBeLessThanOrEqual(0.02);
    }
  });
});

describe('chi-square against scipy chi2_contingency(correction=False)', () => {
  for (const c of FIXTURE.chi_square) {
    test(`${c.name}`, () => {
      const r = chiSquareTwoSample(c.reference, c.new);
      expect(r.dof).toBe(c.dof);
      expect(r.statistic).toBeCloseTo(c.statistic, 10);
      relClose(r.p_value, c.p_value, 1e-9);
    });
  }
});

describe('distribution tails against scipy', () => {
  test('chi2.sf', () => {
    for (const [x, k, p] of FIXTURE.special.chi2_sf) relClose(chiSquareSf(x, k), p, 1e-10);
  });
  test('kstwobign.sf', () => {
    for (const [t, p] of FIXTURE.special.kstwobign_sf) relClose(kolmogorovSf(t), p, 1e-10);
  });
});
