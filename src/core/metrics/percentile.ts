/**
 * The q-quantile (q in [0, 1]) of ascending values (m >= 1), as numpy.percentile(values, 100 * q) with its
 * default 'linear' method: position (m - 1) * q, interpolated between its two neighbours.
 */
export function percentile(sortedValues: Float64Array, q: number): number {
  const m = sortedValues.length;
  if (m === 0) throw new Error('percentile needs at least one value');
  if (!(q >= 0 && q <= 1)) throw new Error(`percentile q must be in [0, 1], got ${q}`);
  const h = (m - 1) * q;
  const i = Math.floor(h);
  const lo = sortedValues[i] as number;
  if (i + 1 >= m) return lo;
  const hi = sortedValues[i + 1] as number;
  const t = h - i;
  const diff = hi - lo;
  // numpy lerps from the nearer end, which keeps the result monotone in q and exact at both ends.
  return t >= 0.5 ? hi - diff * (1 - t) : lo + diff * t;
}
