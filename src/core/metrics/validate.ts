/** Throws unless scores (n) and labels (n, each 0 or 1) line up and no score is NaN. */
export function checkBinaryInputs(scores: Float64Array, labels: Uint8Array): void {
  if (scores.length !== labels.length) {
    throw new Error(
      `scores and labels must have the same length (got ${scores.length} scores and ${labels.length} labels)`,
    );
  }
  for (let i = 0; i < scores.length; i++) {
    // A NaN score has no place in the ordering, so every threshold metric would silently drop or misplace it.
    if (Number.isNaN(scores[i])) throw new Error(`score at row ${i} is NaN; metrics need a number for every row`);
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new Error(`label at row ${i} is ${String(y)}; binary labels must be 0 or 1`);
  }
}

/** True when every score (n) is a probability in [0, 1]. */
export function isProbabilities(scores: Float64Array): boolean {
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i] as number;
    if (!(p >= 0 && p <= 1)) return false;
  }
  return true;
}

/** Throws a RangeError naming the first row whose score (n) is not a probability in [0, 1]. */
export function checkProbabilities(scores: Float64Array): void {
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i] as number;
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`score at row ${i} is ${p}; this metric needs probabilities in [0, 1]`);
    }
  }
}

/** Throws unless the threshold (score units) is a number; NaN would flag no row without saying so. */
export function checkThreshold(threshold: number): void {
  if (Number.isNaN(threshold)) throw new Error('threshold is NaN; pass a number (score units)');
}
