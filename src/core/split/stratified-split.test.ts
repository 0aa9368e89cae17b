import { describe, expect, test } from 'vitest';
import { DEFAULT_SPLIT, type Split } from './split.ts';
import { stratifiedSplit } from './stratified-split.ts';

const CONFIG = [0.6, 0.2, 0.2] as const;

/** n rows 0..n-1; every 10th row (0, 10, 20, ...) is positive. */
function tenPercent(n: number): { rows: Int32Array; y: Uint8Array } {
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i += 10) y[i] = 1;
  return { rows: Int32Array.from({ length: n }, (_, i) => i), y };
}

const positives = (part: Int32Array, y: Uint8Array): number => part.reduce((s, r) => s + y[r], 0);
const all = (s: Split): number[] => [...s.train, ...s.validation, ...s.test];

describe('stratifiedSplit', () => {
  test('1000 rows at 10% positives: sizes 600/200/200 and positives 60/20/20 exactly', () => {
    const { rows, y } = tenPercent(1000);
    const s = stratifiedSplit(rows, y, CONFIG, 42);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([600, 200, 200]);
    expect(positives(s.train, y)).toBe(Math.round(100 * 0.6));
    expect(positives(s.validation, y)).toBe(20);
    expect(positives(s.test, y)).toBe(20);
  });

  test('parts are disjoint and together cover every eligible row once', () => {
    const { rows, y } = tenPercent(1000);
    const s = stratifiedSplit(rows, y, CONFIG, 7);
    const covered = all(s).sort((a, b) => a - b);
    expect(covered).toEqual(Array.from(rows));
    expect(new Set(all(s)).size).toBe(1000);
  });

  test('each part is sorted ascending and is an Int32Array', () => {
    const { rows, y } = tenPercent(200);
    const s = stratifiedSplit(rows, y, CONFIG, 3);
    for (const part of [s.train, s.validation, s.test]) {
      expect(part).toBeInstanceOf(Int32Array);
      for (let i = 1; i < part.length; i++) expect(part[i]).toBeGreaterThan(part[i - 1]);
    }
  });

  test('uneven class sizes: each part is within one row of the overall positive rate', () => {
    // 37 positives out of 523 rows: no fraction divides evenly.
    const n = 523;
    const y = new Uint8Array(n);
    for (let i = 0; i < 37; i++) y[i * 14] = 1;
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const rate = 37 / n;
    const s = stratifiedSplit(rows, y, CONFIG, 11);
    expect(all(s)).toHaveLength(n);
    for (const part of [s.train, s.validation, s.test]) {
      expect(Math.abs(positives(part, y) - rate * part.length)).toBeLessThanOrEqual(1);
    }
    // Per class: round(37*0.6)=22, round(37*0.2)=7, rest 8; round(486*0.6)=292, round(486*0.2)=97, rest 97.
    expect([positives(s.train, y), positives(s.validation, y), positives(s.test, y)]).toEqual([22, 7, 8]);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([314, 104, 105]);
  });

  test('same seed gives identical output', () => {
    const { rows, y } = tenPercent(1000);
    const a = stratifiedSplit(rows, y, CONFIG, 123);
    const b = stratifiedSplit(rows, y, CONFIG, 123);
    expect(Array.from(a.train)).toEqual(Array.from(b.train));
    expect(Array.from(a.validation)).toEqual(Array.from(b.validation));
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
  });

  test('a different seed gives a different assignment', () => {
    const { rows, y } = tenPercent(1000);
    const a = stratifiedSplit(rows, y, CONFIG, 1);
    const b = stratifiedSplit(rows, y, CONFIG, 2);
    expect(Array.from(a.train)).not.toEqual(Array.from(b.train));
    expect(Array.from(a.test)).not.toEqual(Array.from(b.test));
  });

  test('does not mutate the input rows', () => {
    const { rows, y } = tenPercent(100);
    const before = Array.from(rows);
    stratifiedSplit(rows, y, CONFIG, 5);
    expect(Array.from(rows)).toEqual(before);
  });

  test('unlabelled rows (not in `rows`) never appear in any part', () => {
    const { y } = tenPercent(1000);
    // Only even rows are labelled; odd rows are unlabelled and carry y = 0.
    const rows = Int32Array.from({ length: 500 }, (_, i) => 2 * i);
    const s = stratifiedSplit(rows, y, CONFIG, 9);
    expect(all(s)).toHaveLength(500);
    expect(all(s).every((r) => r % 2 === 0)).toBe(true);
    // All 100 positives sit at multiples of 10, so all are even: 60/20/20 again.
    expect(positives(s.train, y)).toBe(60);
  });

  test('DEFAULT_SPLIT is stratified 60/20/20', () => {
    expect(DEFAULT_SPLIT).toEqual({ policy: 'stratified-random', fractions: CONFIG });
  });
});
