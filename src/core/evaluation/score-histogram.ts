/** Score counts per class in equal-width bins: what the model's separation looks like before any threshold. */
export interface ScoreHistogram {
  /** Bin edges (bins + 1), ascending. */
  readonly edges: number[];
  readonly positives: number[];
  readonly negatives: number[];
}

/** Histogram of scores by class over [0, 1] for probabilities (else the score range), `bins` equal-width bins. */
export function scoreHistogram(scores: Float64Array, labels: Uint8Array, bins = 20): ScoreHistogram {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const width = (hi - lo) / bins || 1;
  const span = hi - lo || 1;
  // Typed counters in one indexed loop: a million rows without a callback or a boxed-array write per row.
  const positives = new Float64Array(bins);
  const negatives = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    // (s − lo)·bins / span, plus a hair: 0.6 / 0.05 is 11.999… in floating point and must land in bin 12.
    const b = Math.min(bins - 1, Math.max(0, Math.floor(((scores[i] - lo) * bins) / span + 1e-9)));
    if (labels[i]) positives[b]++;
    else negatives[b]++;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, b) => lo + b * width), positives: Array.from(positives), negatives: Array.from(negatives) };
}
