import { createRandom, deriveSeed, type Random } from '../random.ts';
import { percentile } from './percentile.ts';
import { preparePoisson, samplePoisson, type PoissonPlan } from './poisson.ts';
import { pointsAtOrAbove, thresholdSweep, type Sweep } from './sweep.ts';
import { bootstrapDraws, sweepCounts, type DrawsKind, type SweepSums } from './bootstrap-draws.ts';
import { checkBinaryInputs, checkThreshold } from './validate.ts';

/** A confidence interval in metric units; both ends null when too few resamples define the metric. */
export interface Interval {
  readonly lo: number | null;
  readonly hi: number | null;
}

/** Bootstrap settings: resamples (default 1000), seed (integer), level (default 0.95), maxExactRows (default 50k). */
export interface BootstrapOptions {
  readonly resamples?: number;
  readonly seed: number;
  readonly level?: number;
  /** Above this many rows, resample Poisson counts over at most 4096 score groups instead of rows. */
  readonly maxExactRows?: number;
  /** Which code runs the row resamples' loops: WebAssembly where the engine allows (default) or 'js'; same bits. */
  readonly loops?: DrawsKind;
}

/** Metrics that get a bootstrap interval; the threshold metrics predict positive when score >= threshold. */
export type CiMetric = 'roc_auc' | 'average_precision' | 'precision' | 'recall' | 'f1' | 'fpr' | 'fnr';
/** One percentile interval per metric. */
export type BinaryCi = Record<CiMetric, Interval>;

/** Percentile intervals with the settings that produced them (resamples is the number drawn). */
export interface BootstrapResult {
  readonly resamples: number;
  readonly seed: number;
  readonly level: number;
  readonly method: 'rows' | 'poisson-groups';
  readonly ci: BinaryCi;
}

/** Difference B minus A on the full data (estimate) with its percentile interval; null where undefined. */
export interface PairedDelta extends Interval {
  readonly estimate: number | null;
}

/** Paired bootstrap of B minus A: both models scored on the same resampled rows each time. */
export interface PairedBootstrapResult {
  readonly resamples: number;
  readonly seed: number;
  readonly level: number;
  readonly method: 'rows';
  readonly delta: Record<'roc_auc' | 'average_precision' | 'precision' | 'recall' | 'f1', PairedDelta>;
}

const METRICS: readonly CiMetric[] = ['roc_auc', 'average_precision', 'precision', 'recall', 'f1', 'fpr', 'fnr'];
const PAIRED_METRICS = ['roc_auc', 'average_precision', 'precision', 'recall', 'f1'] as const;
const MAX_GROUPS = 4096;
// Salt for the bootstrap stream, so a seed shared with a split or a training run never replays its draws here.
const BOOTSTRAP_SALT = 0xb0075;

/** Distinct scores in descending order with the count of each class at each one (k points). */
interface Distinct {
  thresholds: Float64Array;
  pos: Float64Array;
  neg: Float64Array;
  k: number;
}

// Per-point class counts from an exact sweep (its counts are cumulative).
function distinctFromSweep(sweep: Sweep): Distinct {
  const k = sweep.thresholds.length;
  const pos = new Float64Array(k);
  const neg = new Float64Array(k);
  for (let g = 0; g < k; g++) {
    pos[g] = (sweep.tp[g] as number) - (g > 0 ? (sweep.tp[g - 1] as number) : 0);
    neg[g] = (sweep.fp[g] as number) - (g > 0 ? (sweep.fp[g - 1] as number) : 0);
  }
  return { thresholds: sweep.thresholds, pos, neg, k };
}

/** Index of each row's tie group in the descending distinct scores (n), shifted left one bit with the label below. */
function rowBuckets(scores: Float64Array, labels: Uint8Array, d: Distinct): Uint32Array {
  const bucket = new Uint32Array(scores.length);
  for (let r = 0; r < scores.length; r++) {
    const s = scores[r] as number;
    let lo = 0;
    let hi = d.k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((d.thresholds[mid] as number) > s) lo = mid + 1;
      else hi = mid;
    }
    bucket[r] = 2 * lo + (labels[r] as number);
  }
  return bucket;
}

/** AUC, AP, precision, recall, F1, FPR, FNR (NaN = undefined) into out, from one pass's sums (see `sweepCounts`). */
function metricsFromSums(sums: SweepSums, out: Float64Array): void {
  const nPos = sums[0];
  const nNeg = sums[1];
  const area2 = sums[2];
  const apSum = sums[3];
  const tpAt = sums[4];
  const fpAt = sums[5];
  const fnAt = nPos - tpAt;
  const bothClasses = nPos > 0 && nNeg > 0;
  out[0] = bothClasses ? area2 / (2 * nPos * nNeg) : NaN;
  out[1] = bothClasses ? apSum / nPos : NaN;
  out[2] = tpAt + fpAt > 0 ? tpAt / (tpAt + fpAt) : NaN;
  out[3] = nPos > 0 ? tpAt / nPos : NaN;
  out[4] = 2 * tpAt + fpAt + fnAt > 0 ? (2 * tpAt) / (2 * tpAt + fpAt + fnAt) : NaN;
  out[5] = nNeg > 0 ? fpAt / nNeg : NaN;
  out[6] = nPos > 0 ? fnAt / nPos : NaN;
}

/**
 * Writes the metrics into out from per-group class counts (counts[2g] negatives, counts[2g + 1] positives; k groups in
 * descending score; the first m are >= threshold). One pass: rows within a group are tied, so they count 1/2 for AUC
 * and form a single AP step.
 */
function metricsFromCounts(counts: Float64Array, k: number, m: number, out: Float64Array, sums: SweepSums): void {
  sweepCounts(counts, k, m, sums);
  metricsFromSums(sums, out);
}

interface Settings {
  resamples: number;
  seed: number;
  level: number;
  maxExactRows: number;
}

function settings(options: BootstrapOptions): Settings {
  const { resamples = 1000, seed, level = 0.95, maxExactRows = 50_000 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new Error(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!(level > 0 && level < 1)) throw new Error(`level must be between 0 and 1 (exclusive), got ${level}`);
  if (!(maxExactRows >= 0)) throw new Error(`maxExactRows must be a number >= 0, got ${maxExactRows}`);
  return { resamples, seed, level, maxExactRows };
}

/** Percentile interval of the first `count` (defined) values; null unless at least half the resamples define it. */
function interval(values: Float64Array, count: number, s: Settings): Interval {
  if (count === 0 || 2 * count < s.resamples) return { lo: null, hi: null };
  const sorted = values.subarray(0, count).sort();
  const tail = (1 - s.level) / 2;
  return { lo: percentile(sorted, tail), hi: percentile(sorted, 1 - tail) };
}

/**
 * Collapses the distinct scores into at most 4096 contiguous groups of about equal rows, closing a group at the
 * threshold so the counts there stay exact; returns one Poisson plan per (group, class) and the threshold group.
 */
function poissonGroups(d: Distinct, mDistinct: number, n: number): { plans: PoissonPlan[]; m: number; totals: Float64Array } {
  // About 400 rows a group (between 256 and 4096 groups): the draws per resample scale with the groups, and the
  // grouping's small AUC/AP bias is removed afterwards (see bootstrapBinary). Groups closed by size hold >= target
  // rows, so there are <= groups - 2 of them, plus the threshold and final groups.
  const groups = Math.min(MAX_GROUPS, Math.max(256, Math.ceil(n / 400)));
  const target = Math.max(1, Math.ceil(n / (groups - 2)));
  const plans: PoissonPlan[] = [];
  const sums: number[] = [];
  let m = 0;
  let p = 0;
  let q = 0;
  for (let j = 0; j < d.k; j++) {
    p += d.pos[j] as number;
    q += d.neg[j] as number;
    if (p + q >= target || j + 1 === mDistinct || j + 1 === d.k) {
      plans.push(preparePoisson(q), preparePoisson(p));
      sums.push(q, p);
      if (j + 1 === mDistinct) m = plans.length / 2;
      p = 0;
      q = 0;
    }
  }
  return { plans, m, totals: Float64Array.from(sums) };
}

/**
 * Percentile bootstrap intervals for AUC, AP and the threshold metrics of scores (n) and labels (n, 0/1) at
 * `threshold` (score units). Up to maxExactRows rows it resamples rows; above, it draws Poisson counts per score
 * group (about 400 rows each, 256 to 4096 groups, exact at the threshold, grouping bias removed). Same inputs and seed give the same result, bit for bit.
 */
export function bootstrapBinary(
  scores: Float64Array,
  labels: Uint8Array,
  threshold: number,
  options: BootstrapOptions,
  sorted?: Sweep,
): BootstrapResult {
  checkBinaryInputs(scores, labels);
  checkThreshold(threshold);
  const s = settings(options);
  const n = scores.length;
  // A caller's exact sweep of these very scores saves the sort, the dearest step at a million rows.
  const d = distinctFromSweep(sorted ?? thresholdSweep(scores, labels));
  const mDistinct = pointsAtOrAbove(d.thresholds.subarray(0, d.k), threshold);
  const random = createRandom(deriveSeed(s.seed, BOOTSTRAP_SALT));
  const method = n <= s.maxExactRows ? 'rows' : 'poisson-groups';

  const values = METRICS.map(() => new Float64Array(s.resamples));
  const defined = new Array<number>(METRICS.length).fill(0);
  const out = new Float64Array(METRICS.length);
  const sums: SweepSums = new Float64Array(6);
  // Added to every resample's value: zero for rows; for groups, the gap between the exact full-data metric and the
  // grouped one, so ties created by grouping cannot shift the interval (percentiles move with a constant shift).
  const shift = new Float64Array(METRICS.length);
  const record = (): void => {
    for (let j = 0; j < METRICS.length; j++) {
      const v = out[j] as number;
      if (!Number.isNaN(v)) (values[j] as Float64Array)[defined[j]++] = v + (shift[j] as number);
    }
  };

  if (method === 'rows') {
    const draws = bootstrapDraws([rowBuckets(scores, labels, d)], [2 * d.k], options.loops);
    for (let b = 0; b < s.resamples; b++) {
      draws.draw(random);
      draws.sweep(0, d.k, mDistinct, sums);
      metricsFromSums(sums, out);
      record();
    }
  } else {
    const { plans, m, totals } = poissonGroups(d, mDistinct, n);
    const exactCounts = new Float64Array(2 * d.k);
    for (let g = 0; g < d.k; g++) {
      exactCounts[2 * g] = d.neg[g] as number;
      exactCounts[2 * g + 1] = d.pos[g] as number;
    }
    metricsFromCounts(exactCounts, d.k, mDistinct, out, sums);
    const exact = out.slice();
    metricsFromCounts(totals, plans.length / 2, m, out, sums);
    for (let j = 0; j < METRICS.length; j++) {
      const gap = (exact[j] as number) - (out[j] as number);
      shift[j] = Number.isFinite(gap) ? gap : 0;
    }
    const counts = new Float64Array(plans.length);
    for (let b = 0; b < s.resamples; b++) {
      for (let i = 0; i < plans.length; i++) counts[i] = samplePoisson(plans[i] as PoissonPlan, random);
      metricsFromCounts(counts, plans.length / 2, m, out, sums);
      record();
    }
  }

  const ci = {} as Record<CiMetric, Interval>;
  METRICS.forEach((name, j) => (ci[name] = interval(values[j] as Float64Array, defined[j] as number, s)));
  return { resamples: s.resamples, seed: s.seed, level: s.level, method, ci };
}

/**
 * Paired bootstrap of model B minus model A on the same rows: each resample draws one set of row counts and scores
 * both models on it, so the shared row noise cancels in the difference. Always resamples rows.
 */
export function pairedBootstrap(
  scoresA: Float64Array,
  scoresB: Float64Array,
  labels: Uint8Array,
  thresholdA: number,
  thresholdB: number,
  options: BootstrapOptions,
): PairedBootstrapResult {
  checkBinaryInputs(scoresA, labels);
  checkBinaryInputs(scoresB, labels);
  checkThreshold(thresholdA);
  checkThreshold(thresholdB);
  const s = settings(options);
  const dA = distinctFromSweep(thresholdSweep(scoresA, labels));
  const dB = distinctFromSweep(thresholdSweep(scoresB, labels));
  const mA = pointsAtOrAbove(dA.thresholds.subarray(0, dA.k), thresholdA);
  const mB = pointsAtOrAbove(dB.thresholds.subarray(0, dB.k), thresholdB);
  const draws = bootstrapDraws([rowBuckets(scoresA, labels, dA), rowBuckets(scoresB, labels, dB)], [2 * dA.k, 2 * dB.k], options.loops);
  const outA = new Float64Array(METRICS.length);
  const outB = new Float64Array(METRICS.length);
  const sums: SweepSums = new Float64Array(6);

  // Full-data estimates from the same code path as the resamples, with every row counted once.
  const full = (d: Distinct, into: Float64Array): Float64Array => {
    for (let g = 0; g < d.k; g++) {
      into[2 * g] = d.neg[g] as number;
      into[2 * g + 1] = d.pos[g] as number;
    }
    return into;
  };
  metricsFromCounts(full(dA, new Float64Array(2 * dA.k)), dA.k, mA, outA, sums);
  metricsFromCounts(full(dB, new Float64Array(2 * dB.k)), dB.k, mB, outB, sums);
  const estimates = PAIRED_METRICS.map((_, j) => (outB[j] as number) - (outA[j] as number));

  const random = createRandom(deriveSeed(s.seed, BOOTSTRAP_SALT));
  const values = PAIRED_METRICS.map(() => new Float64Array(s.resamples));
  const defined = new Array<number>(PAIRED_METRICS.length).fill(0);
  for (let b = 0; b < s.resamples; b++) {
    draws.draw(random);
    draws.sweep(0, dA.k, mA, sums);
    metricsFromSums(sums, outA);
    draws.sweep(1, dB.k, mB, sums);
    metricsFromSums(sums, outB);
    for (let j = 0; j < PAIRED_METRICS.length; j++) {
      const v = (outB[j] as number) - (outA[j] as number);
      if (!Number.isNaN(v)) (values[j] as Float64Array)[defined[j]++] = v;
    }
  }

  const delta = {} as Record<(typeof PAIRED_METRICS)[number], PairedDelta>;
  PAIRED_METRICS.forEach((name, j) => {
    const e = estimates[j] as number;
    const ci = interval(values[j] as Float64Array, defined[j] as number, s);
    delta[name] = { estimate: Number.isNaN(e) ? null : e, ...ci };
  });
  return { resamples: s.resamples, seed: s.seed, level: s.level, method: 'rows', delta };
}
