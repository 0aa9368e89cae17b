import { describe, expect, it } from 'vitest';
import { scoringLatency } from './scoring-latency.ts';

describe('scoringLatency', () => {
  it('times 1,000-row batches tiled from the rows given, after two untimed warm-ups, and reports the p95', async () => {
    let clock = 0;
    const sizes: number[] = [];
    let call = 0;
    // Timed call k (k = 1..20) takes k ms on the fake clock; the warm-ups take 1000 ms and must not count.
    const predict = async (x: Float32Array, m: number) => {
      sizes.push(m);
      call++;
      clock += call <= 2 ? 1000 : call - 2;
      return new Float64Array(m);
    };
    const result = await scoringLatency(Float32Array.from([1, 2, 3, 4, 5, 6]), 2, predict, 'cpu', () => clock, 20);
    expect(sizes).toEqual(new Array(22).fill(1000));
    // numpy.percentile(range(1, 21), 95) = 19.05
    expect(result).toEqual({ p95MsPer1000: expect.closeTo(19.05, 12) as number, backend: 'cpu', repeats: 20 });
    expect(await scoringLatency(new Float32Array(0), 2, predict, 'cpu', () => clock)).toBeNull();
  });
});
