import type { Column } from '../data/column.ts';
import type { SplitFractions } from './split.ts';
import { timeValues } from './time-values.ts';

/** The q-quantile (q in [0, 1]) of ascending `sorted`, linearly interpolated as numpy's default method does. */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Default time cuts [t1, t2] (same unit as the column, epoch ms for datetime): the fractions[0] and
 * fractions[0] + fractions[1] quantiles of event time over `rows`, ignoring missing times. Ties at a cut go to the
 * later split, so part sizes follow the fractions only approximately when many rows share a time.
 */
export function defaultTimeCuts(
  rows: Int32Array,
  time: Column,
  fractions: SplitFractions = [0.6, 0.2, 0.2],
): [number, number] {
  const values = timeValues(time);
  const known = Float64Array.from(rows, (r) => values[r]).filter((t) => !Number.isNaN(t));
  if (known.length === 0) {
    throw new Error(`Column "${time.name}" has no event times in these rows, so there is nothing to cut by time.`);
  }
  known.sort();
  return [quantile(known, fractions[0]), quantile(known, fractions[0] + fractions[1])];
}
