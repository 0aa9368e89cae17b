import { rates } from '../metrics/rates.ts';
import { confusionAt, confusionAtPoint, type Sweep } from '../metrics/sweep.ts';
import type { Confusion } from '../metrics/types.ts';
import { expectedCost, nextUp } from './threshold-strategy.ts';

/** One row of the operating-points table: a named threshold and what it does. */
export interface OperatingPoint {
  readonly name: string;
  readonly threshold: number;
  readonly flagged: number;
  readonly ppr: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  readonly fpr: number | null;
  readonly cost: number | null;
}

function point(name: string, c: Confusion, costs?: { costFp: number; costFn: number }): OperatingPoint {
  const r = rates(c);
  const n = c.tp + c.fp + c.tn + c.fn;
  return {
    name, threshold: c.threshold, flagged: c.tp + c.fp, ppr: n ? (c.tp + c.fp) / n : null, precision: r.precision, recall: r.recall, f1: r.f1, fpr: r.fpr,
    cost: costs ? expectedCost(c, costs.costFp, costs.costFn) : null,
  };
}

/**
 * Index of the sweep point that maximises `score(tp, fp, fn, tn)` (first, i.e. highest threshold, on ties); -1 when
 * none is defined (NaN). Plain numbers, no objects: this runs over every distinct score, a million at a time.
 */
function argmax(sweep: Sweep, score: (tp: number, fp: number, fn: number, tn: number) => number): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < sweep.thresholds.length; i++) {
    const tp = sweep.tp[i] as number;
    const fp = sweep.fp[i] as number;
    const v = score(tp, fp, sweep.nPos - tp, sweep.nNeg - fp);
    if (v > bestValue) { best = i; bestValue = v; }
  }
  return best;
}

/**
 * The thresholds that matter, read off the exact sweep: flagging the top 1, 5, 10 and 20 % of rows (ties make the
 * flagged share at least that), 0.5, maximum F1, Youden's J (max TPR − FPR), precision–recall break-even and, with
 * costs, the cheapest point.
 */
export function operatingPoints(sweep: Sweep, costs?: { costFp: number; costFn: number }): OperatingPoint[] {
  const k = sweep.thresholds.length;
  if (k === 0) return [];
  const n = sweep.nPos + sweep.nNeg;
  const out: OperatingPoint[] = [];
  for (const share of [0.01, 0.05, 0.1, 0.2]) {
    const want = Math.max(1, Math.ceil(share * n));
    let i = 0;
    while (i < k - 1 && sweep.tp[i] + sweep.fp[i] < want) i++;
    out.push(point(`Top ${share * 100}% of scores`, confusionAtPoint(sweep, i), costs));
  }
  out.push(point('Default 0.5', confusionAt(sweep, 0.5), costs));
  // Division by zero gives NaN, which never wins the argmax: an undefined metric cannot be "best".
  const named: [string, (tp: number, fp: number, fn: number, tn: number) => number][] = [
    ['Maximum F1', (tp, fp, fn) => (2 * tp) / (2 * tp + fp + fn)],
    ["Youden's J (max TPR − FPR)", (tp, fp, fn, tn) => tp / (tp + fn) - fp / (fp + tn)],
    ['Precision = recall (break-even)', (tp, fp, fn) => -Math.abs(tp / (tp + fp) - tp / (tp + fn))],
  ];
  if (costs) named.push(['Minimum expected cost', (_tp, fp, fn) => -(costs.costFp * fp + costs.costFn * fn)]);
  for (const [name, score] of named) {
    const i = argmax(sweep, score);
    if (i < 0) continue;
    const c = confusionAtPoint(sweep, i);
    // As in chooseThreshold, flagging nothing is a candidate for the cheapest point, and wins ties (fewer rows flagged).
    const nothing = confusionAt(sweep, nextUp(sweep.thresholds[0] as number));
    const cheaper = costs && name === 'Minimum expected cost' && (expectedCost(nothing, costs.costFp, costs.costFn) ?? Infinity) <= (expectedCost(c, costs.costFp, costs.costFn) ?? Infinity);
    out.push(point(name, cheaper ? nothing : c, costs));
  }
  return out;
}
