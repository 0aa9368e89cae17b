import { describe, expect, test } from 'vitest';
import { createRandom, deriveSeed, shuffleInPlace } from './random.ts';

const draws = (seed: number, n: number): number[] => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('createRandom', () => {
  test('same seed gives the same stream', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
  });

  test('different seeds, including neighbours 0 and 1, give different streams', () => {
    expect(draws(0, 10)).not.toEqual(draws(1, 10));
    expect(draws(1, 10)).not.toEqual(draws(2, 10));
    expect(draws(-1, 10)).not.toEqual(draws(1, 10));
  });

  test('next() stays in [0, 1) and looks uniform (mean of 10k draws within 0.02 of 0.5)', () => {
    const xs = draws(7, 10000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });

  test('nextInt(n) returns integers in [0, n) and hits every value', () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = r.nextInt(6);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(6);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('a non-integer seed is refused', () => {
    expect(() => createRandom(1.5)).toThrow('Seed must be an integer, got 1.5');
    expect(() => createRandom(NaN)).toThrow('Seed must be an integer');
  });
});

describe('deriveSeed', () => {
  test('never returns 0; always a positive uint31 over 0..199 × 0..99', () => {
    const bad: string[] = [];
    for (let seed = 0; seed < 200; seed++) {
      for (let salt = 0; salt < 100; salt++) {
        const s = deriveSeed(seed, salt);
        if (!Number.isInteger(s) || s <= 0 || s > 0x7fffffff) bad.push(`${seed}/${salt} → ${s}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('is deterministic and depends on both seed and salt', () => {
    expect(deriveSeed(42, 1)).toBe(deriveSeed(42, 1));
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(42, 2));
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(43, 1));
  });

  test('seed 0 and salt 0 still give a non-zero seed', () => {
    expect(deriveSeed(0, 0)).toBeGreaterThan(0);
  });
});

describe('shuffleInPlace', () => {
  test('is a permutation and returns the same array', () => {
    const values = Int32Array.from({ length: 100 }, (_, i) => i);
    const out = shuffleInPlace(values, createRandom(5));
    expect(out).toBe(values);
    expect(Array.from(values).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(values)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  test('same seed gives the same order; different seed a different one', () => {
    const order = (seed: number): number[] => Array.from(shuffleInPlace(Int32Array.from({ length: 50 }, (_, i) => i), createRandom(seed)));
    expect(order(9)).toEqual(order(9));
    expect(order(9)).not.toEqual(order(10));
  });

  test('works on plain number arrays; 0 and 1 elements are left alone', () => {
    const arr = [10, 20, 30];
    shuffleInPlace(arr, createRandom(1));
    expect([...arr].sort((a, b) => a - b)).toEqual([10, 20, 30]);
    expect(shuffleInPlace([], createRandom(1))).toEqual([]);
    expect(shuffleInPlace([7], createRandom(1))).toEqual([7]);
  });

  test('every position is reachable: each of 3! orders appears over 600 shuffles', () => {
    const r = createRandom(11);
    const seen = new Set<string>();
    for (let i = 0; i < 600; i++) seen.add(shuffleInPlace([0, 1, 2], r).join(''));
    expect([...seen].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
  });

  test('save and restore hand the stream over and back: a copy restored from the saved words continues it', () => {
    const a = createRandom(9);
    a.nextUint32();
    const words = new Int32Array(4);
    a.save(words);
    const b = createRandom(1);
    b.restore(words);
    const ahead = [a.nextUint32(), a.nextInt(1000), a.next()];
    expect([b.nextUint32(), b.nextInt(1000), b.next()]).toEqual(ahead);
    // Restoring the saved words rewinds a to where it was.
    a.restore(words);
    expect(a.nextUint32()).toBe(ahead[0]);
  });
});
