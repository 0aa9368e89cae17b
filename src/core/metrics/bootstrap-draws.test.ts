import { describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import { bootstrapBinary, pairedBootstrap } from './bootstrap.ts';
import { bootstrapDraws, sweepCounts } from './bootstrap-draws.ts';

// Scores with a signal, optionally rounded to 1/20 so many rows tie; 30 % positives.
function sample(n: number, seed: number, ties: boolean): { scores: Float64Array; labels: Uint8Array } {
  const r = createRandom(seed);
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = r.next() < 0.3 ? 1 : 0;
    const s = r.next() * 0.7 + labels[i] * 0.3;
    scores[i] = ties ? Math.round(s * 20) / 20 : s;
  }
  return { scores, labels };
}

describe('bootstrapDraws', () => {
  test('WebAssembly and JS loops draw the same rows, leave the generator at the same place and sum alike', () => {
    const n = 5000;
    const keys = 2 * 1200;
    const bucket = Uint32Array.from({ length: n }, (_, i) => (i * 7919) % keys);
    const bucket2 = Uint32Array.from({ length: n }, (_, i) => (i * 104729 + 3) % 600);
    for (const buckets of [[bucket], [bucket, bucket2]]) {
      const sizes = buckets.length === 1 ? [keys] : [keys, 600];
      const wasm = bootstrapDraws(buckets, sizes);
      const js = bootstrapDraws(buckets, sizes, 'js');
      expect(wasm.kind).toBe('wasm');
      expect(js.kind).toBe('js');
      const a = createRandom(11);
      const b = createRandom(11);
      for (let round = 0; round < 3; round++) {
        wasm.draw(a);
        js.draw(b);
        buckets.forEach((_, j) => expect(Array.from(wasm.counts[j])).toEqual(Array.from(js.counts[j])));
        // Every draw counted once per model.
        expect(wasm.counts[0].reduce((s, v) => s + v, 0)).toBe(n);
        const [x, y] = [new Float64Array(6), new Float64Array(6)];
        wasm.sweep(0, keys / 2, 400, x);
        js.sweep(0, keys / 2, 400, y);
        expect(Array.from(x)).toEqual(Array.from(y));
      }
      expect(a.nextUint32()).toBe(b.nextUint32());
    }
  });

  test('sweepCounts: hand-computed sums over three tie groups, threshold after the first two', () => {
    // Groups (descending score): 1 neg + 2 pos, 1 neg + 0 pos, 2 neg + 1 pos.
    const sums = new Float64Array(6);
    sweepCounts(Float64Array.from([1, 2, 1, 0, 2, 1]), 3, 2, sums);
    // area2: 1·(0 + 2) + 1·(4 + 0) + 2·(4 + 1) = 16; AP sum: 2·2/3 + 1·3/7.
    expect(Array.from(sums)).toEqual([3, 4, 16, (2 * 2) / 3 + (1 * 3) / 7, 2, 2]);
  });

  test('every interval is the same bits whichever loops ran: single and paired, distinct and tied scores, around the 256-row cut', () => {
    for (const [n, ties] of [[20_000, false], [20_000, true], [255, false], [256, true], [3000, true]] as const) {
      const { scores, labels } = sample(n, n + 1, ties);
      const other = scores.map((v, i) => v * 0.9 + (i % 7) / 100);
      const options = { seed: 5, resamples: 200 };
      expect(bootstrapBinary(scores, labels, 0.5, options)).toEqual(bootstrapBinary(scores, labels, 0.5, { ...options, loops: 'js' }));
      expect(pairedBootstrap(scores, other, labels, 0.5, 0.4, options)).toEqual(pairedBootstrap(scores, other, labels, 0.5, 0.4, { ...options, loops: 'js' }));
    }
  });
});
