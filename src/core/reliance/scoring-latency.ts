import { percentile } from '../metrics/percentile.ts';

/** p95 time to score 1,000 rows, over `repeats` timed batches on the backend named. */
export interface ScoringLatency {
  readonly p95MsPer1000: number;
  readonly backend: string;
  readonly repeats: number;
}

/**
 * Times `predict` on a [1000, d] batch tiled from `x` (row-major, d columns), after two untimed warm-up calls, and
 * returns the 95th percentile in milliseconds. `now` is the clock (ms), a parameter so tests stay deterministic.
 */
export async function scoringLatency(
  x: Float32Array, d: number, predict: (x: Float32Array, m: number) => Promise<Float64Array>,
  backend: string, now: () => number, repeats = 20,
): Promise<ScoringLatency | null> {
  const available = d === 0 ? 0 : x.length / d;
  if (available === 0) return null;
  const batch = new Float32Array(1000 * d);
  for (let i = 0; i < 1000; i++) batch.set(x.subarray((i % available) * d, (i % available + 1) * d), i * d);
  for (let w = 0; w < 2; w++) await predict(batch, 1000);
  const times = new Float64Array(repeats);
  for (let r = 0; r < repeats; r++) {
    const t0 = now();
    await predict(batch, 1000);
    times[r] = now() - t0;
  }
  return { p95MsPer1000: percentile(times.sort(), 0.95), backend, repeats };
}
