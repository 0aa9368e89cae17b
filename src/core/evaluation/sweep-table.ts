import type { Sweep } from '../metrics/sweep.ts';

/** Per-point metrics along an exact sweep (one entry per distinct score, thresholds descending); NaN = undefined. */
export interface SweepTable {
  readonly threshold: Float64Array;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly f1: Float64Array;
  readonly fpr: Float64Array;
  readonly specificity: Float64Array;
  /** Share of rows flagged positive. */
  readonly ppr: Float64Array;
  /** Expected cost per row, when costs are given; otherwise all NaN. */
  readonly cost: Float64Array;
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);

/** Every sweep metric at every point (or only at the points `at`, e.g. a thinned plot's), in one pass. */
export function sweepTable(sweep: Sweep, costs?: { readonly costFp: number; readonly costFn: number }, at?: Int32Array): SweepTable {
  const k = at ? at.length : sweep.thresholds.length;
  const n = sweep.nPos + sweep.nNeg;
  const t = { threshold: new Float64Array(k), precision: new Float64Array(k), recall: new Float64Array(k), f1: new Float64Array(k), fpr: new Float64Array(k), specificity: new Float64Array(k), ppr: new Float64Array(k), cost: new Float64Array(k) };
  for (let i = 0; i < k; i++) {
    const p = at ? at[i] : i;
    t.threshold[i] = sweep.thresholds[p];
    const tp = sweep.tp[p];
    const fp = sweep.fp[p];
    const fn = sweep.nPos - tp;
    const tn = sweep.nNeg - fp;
    t.precision[i] = ratio(tp, tp + fp);
    t.recall[i] = ratio(tp, sweep.nPos);
    t.f1[i] = ratio(2 * tp, 2 * tp + fp + fn);
    t.fpr[i] = ratio(fp, sweep.nNeg);
    t.specificity[i] = ratio(tn, sweep.nNeg);
    t.ppr[i] = ratio(tp + fp, n);
    t.cost[i] = costs ? ratio(costs.costFp * fp + costs.costFn * fn, n) : NaN;
  }
  return t;
}

/**
 * Indices of at most `max` points that keep a curve's shape for plotting: an even stride, plus every point where the
 * curve jumps by more than 1/max of its range in x or y (so steep steps survive thinning). Numbers shown or exported
 * still come from the exact sweep.
 */
export function thinIndices(x: Float64Array, y: Float64Array, max = 2000): Int32Array {
  const k = x.length;
  if (k <= max) return Int32Array.from({ length: k }, (_, i) => i);
  const keep = new Uint8Array(k);
  const stride = Math.ceil(k / (max / 2));
  for (let i = 0; i < k; i += stride) keep[i] = 1;
  keep[k - 1] = 1;
  const step = 2 / max;
  let lastX = x[0];
  let lastY = y[0];
  let extra = 0;
  for (let i = 1; i < k && extra < max / 2; i++) {
    if (Math.abs(x[i] - lastX) > step || Math.abs(y[i] - lastY) > step) {
      if (!keep[i]) extra++;
      keep[i] = 1;
      lastX = x[i];
      lastY = y[i];
    }
  }
  const out: number[] = [];
  keep.forEach((v, i) => { if (v) out.push(i); });
  return Int32Array.from(out);
}

/** Every entry of a typed array as a plain number, null for NaN (JSON has no NaN). */
export function nullable(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
}

/** Picks the given indices out of a typed array, as plain numbers with null for NaN (JSON has no NaN). */
export function pick(values: Float64Array, indices: Int32Array): (number | null)[] {
  return Array.from(indices, (i) => (Number.isNaN(values[i]) ? null : values[i]));
}
