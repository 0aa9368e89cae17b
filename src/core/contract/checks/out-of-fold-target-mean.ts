/** Pseudo-counts that pull a category's label rate toward the global rate; rare categories stay near the prior. */
export const TARGET_MEAN_SMOOTHING = 10;

/**
 * Out-of-fold target-mean encoding of codes[rows] (one per entry of `rows`; code -1 = missing, its own category):
 * each row gets its category's smoothed positive rate computed from the other folds only,
 * (positives + m·prior) / (count + m), where prior is the positive rate of all `rows`. `folds[i]` is the fold
 * of rows[i] in [0, k). A category seen only in the row's own fold gets the prior, so memorising earns nothing.
 */
export function outOfFoldTargetMean(
  codes: Int32Array,
  categoryCount: number,
  y: Uint8Array,
  rows: Int32Array,
  folds: Uint8Array,
  k: number,
  m = TARGET_MEAN_SMOOTHING,
): Float64Array {
  const width = categoryCount + 1; // slot 0 holds missing cells
  const count = new Float64Array(k * width);
  const positive = new Float64Array(k * width);
  const totalCount = new Float64Array(width);
  const totalPositive = new Float64Array(width);
  let allPositive = 0;
  for (let i = 0; i < rows.length; i++) {
    const slot = codes[rows[i]] + 1;
    const label = y[rows[i]];
    count[folds[i] * width + slot]++;
    positive[folds[i] * width + slot] += label;
    totalCount[slot]++;
    totalPositive[slot] += label;
    allPositive += label;
  }
  // One constant prior for every fold: a per-fold prior would rank folds against each other by their own labels.
  const prior = rows.length === 0 ? 0 : allPositive / rows.length;
  const encoded = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const slot = codes[rows[i]] + 1;
    const at = folds[i] * width + slot;
    const n = totalCount[slot] - count[at];
    const p = totalPositive[slot] - positive[at];
    encoded[i] = (p + m * prior) / (n + m);
  }
  return encoded;
}
