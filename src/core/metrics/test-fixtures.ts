// Shared inputs for the metric tests; not part of the public API.

/** The classic 4-row case: sorted by score it reads pos, neg, pos, neg. */
export const FOUR_SCORES = new Float64Array([0.1, 0.4, 0.35, 0.8]);
/** Labels (4, 0/1) for FOUR_SCORES. */
export const FOUR_LABELS = new Uint8Array([0, 0, 1, 1]);

/** Small deterministic PRNG (mulberry32) returning floats in [0, 1); keeps property tests free of extra deps. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random scores (n, rounded to `decimals` to force ties) and labels (n, 0/1) from a seed. */
export function randomCase(seed: number, n: number, decimals: number): { scores: Float64Array; labels: Uint8Array } {
  const rand = mulberry32(seed);
  const scale = 10 ** decimals;
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.round(rand() * scale) / scale;
    scores[i] = s;
    // Labels lean towards high scores so the model is better than chance, as real ones are.
    labels[i] = rand() < 0.2 + 0.6 * s ? 1 : 0;
  }
  return { scores, labels };
}

/** The sklearn oracle's test split (breast cancer, logistic regression); see test/fixtures/README.md. */
export interface OracleTest {
  y_true: number[];
  y_score: number[];
  n: number;
  n_pos: number;
  n_neg: number;
  threshold: number;
  roc_auc: number;
  average_precision: number;
  brier: number;
  'log_loss_eps_1e-15': number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion_matrix: { tn: number; fp: number; fn: number; tp: number };
  ece_left_closed_bins: number;
  mce_sklearn_bins: number;
  calibration_bins_left_closed: {
    bin: number;
    lo: number;
    hi: number;
    count: number;
    mean_pred: number | null;
    frac_pos: number | null;
  }[];
  roc_curve: { fpr: number[]; tpr: number[]; thresholds: number[] };
  pr_curve: { precision: number[]; recall: number[]; thresholds: number[] };
}
