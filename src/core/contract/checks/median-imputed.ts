/**
 * values[rows] (one per entry of `rows`) with NaN replaced by the median of the non-missing ones among those rows;
 * null when every one is missing. The median comes from the same rows, so imputation never sees other splits.
 */
export function medianImputed(values: Float64Array, rows: Int32Array): Float64Array | null {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  const present = out.filter((v) => !Number.isNaN(v)).sort();
  if (present.length === 0) return null;
  const mid = present.length >> 1;
  const median = present.length % 2 === 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
  for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i])) out[i] = median;
  return out;
}
