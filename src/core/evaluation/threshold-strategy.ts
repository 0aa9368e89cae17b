import { rates } from '../metrics/rates.ts';
import { confusionAt, confusionAtPoint, type Sweep } from '../metrics/sweep.ts';
import type { Confusion } from '../metrics/types.ts';

/** How a decision threshold is chosen. Costs are per mistake, in any unit the user likes (both in the same one). */
export type ThresholdStrategy =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'min-cost'; readonly costFp: number; readonly costFn: number }
  | { readonly kind: 'max-f1' }
  | { readonly kind: 'precision-at-least'; readonly target: number }
  | { readonly kind: 'recall-at-least'; readonly target: number };

/** A chosen threshold with the strategy and inputs that produced it, and where it was chosen. */
export interface ChosenThreshold {
  readonly strategy: ThresholdStrategy;
  readonly threshold: number;
  /** `validation` for a trained run (never test); `input` when a scores file has no separate split to choose on. */
  readonly chosen_on: 'validation' | 'input';
  /** False when no threshold meets the target (the closest one is used and `note` says so). */
  readonly feasible: boolean;
  /** The strategy's objective at the chosen point, on the rows it was chosen on (cost per row, F1, precision or recall). */
  readonly objective: number | null;
  readonly note: string;
}

/** Mean cost per row of a confusion matrix: (costFp·FP + costFn·FN) / n; null with no rows. */
export function expectedCost(c: Confusion, costFp: number, costFn: number): number | null {
  const n = c.tp + c.fp + c.tn + c.fn;
  return n === 0 ? null : (costFp * c.fp + costFn * c.fn) / n;
}

/** The smallest double above x: a threshold that flags no row scoring x or less. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, x);
  const bits = buffer.getBigUint64(0);
  buffer.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}

/** Describes a strategy and its inputs in words, for the UI and the Iteration Compact. */
export function describeStrategy(s: ThresholdStrategy): string {
  switch (s.kind) {
    case 'fixed': return `fixed threshold ${s.value}`;
    case 'min-cost': return `minimum expected cost (a false positive costs ${s.costFp}, a false negative ${s.costFn})`;
    case 'max-f1': return 'maximum F1';
    case 'precision-at-least': return `highest recall with precision ≥ ${s.target}`;
    case 'recall-at-least': return `highest precision with recall ≥ ${s.target}`;
  }
}

function checkStrategy(s: ThresholdStrategy): void {
  const bad = (what: string) => { throw new Error(`Threshold strategy ${s.kind}: ${what}`); };
  if (s.kind === 'fixed' && !Number.isFinite(s.value)) bad(`the threshold must be a number, got ${s.value}`);
  if (s.kind === 'min-cost' && !(s.costFp >= 0 && s.costFn >= 0 && Number.isFinite(s.costFp + s.costFn))) bad(`costs must be finite and non-negative, got FP ${s.costFp}, FN ${s.costFn}`);
  if ((s.kind === 'precision-at-least' || s.kind === 'recall-at-least') && !(s.target >= 0 && s.target <= 1)) bad(`the target must be between 0 and 1, got ${s.target}`);
}

/**
 * Chooses a threshold on one split's exact sweep. Candidates are every distinct score (flag rows scoring at or above
 * it) plus "flag nothing" (just above the top score), so the minimum-cost choice is optimal over every possible
 * decision rule of the form score ≥ t. Ties go to the higher threshold (fewer rows flagged).
 */
export function chooseThreshold(sweep: Sweep, strategy: ThresholdStrategy, chosenOn: ChosenThreshold['chosen_on']): ChosenThreshold {
  checkStrategy(strategy);
  const where = chosenOn === 'validation' ? 'on the validation split' : 'on these rows';
  const done = (threshold: number, feasible: boolean, objective: number | null, note: string): ChosenThreshold =>
    ({ strategy, threshold, chosen_on: chosenOn, feasible, objective, note });
  if (strategy.kind === 'fixed') return done(strategy.value, true, null, `Fixed at ${strategy.value}.`);
  const k = sweep.thresholds.length;
  if (k === 0) return done(0.5, false, null, `No rows ${where} to choose from; 0.5 is used.`);
  const none = nextUp(sweep.thresholds[0]);
  const at = (i: number) => (i < 0 ? confusionAt(sweep, none) : confusionAtPoint(sweep, i));
  const thresholdOf = (i: number) => (i < 0 ? none : sweep.thresholds[i]);

  if (strategy.kind === 'min-cost') {
    let best = -1;
    let bestCost = expectedCost(at(-1), strategy.costFp, strategy.costFn) ?? Infinity;
    for (let i = 0; i < k; i++) {
      const cost = expectedCost(at(i), strategy.costFp, strategy.costFn) ?? Infinity;
      if (cost < bestCost) { best = i; bestCost = cost; }
    }
    return done(thresholdOf(best), true, bestCost, `Lowest expected cost ${where}: ${bestCost.toPrecision(4)} per row${best < 0 ? ' by flagging nothing' : ''}.`);
  }
  if (sweep.nPos === 0) return done(0.5, false, null, `There are no positives ${where}, so ${describeStrategy(strategy)} is undefined; 0.5 is used.`);

  if (strategy.kind === 'max-f1') {
    let best = 0;
    let bestF1 = -1;
    for (let i = 0; i < k; i++) {
      const f1 = rates(at(i)).f1 ?? -1;
      if (f1 > bestF1) { best = i; bestF1 = f1; }
    }
    return done(thresholdOf(best), true, bestF1, `Highest F1 ${where}: ${bestF1.toFixed(4)}.`);
  }

  // Precision and recall targets: among the points that meet the target, the best on the other metric.
  const meets = (c: Confusion) => {
    const r = rates(c);
    return strategy.kind === 'precision-at-least' ? (r.precision ?? -1) >= strategy.target : (r.recall ?? -1) >= strategy.target;
  };
  const other = (c: Confusion) => (strategy.kind === 'precision-at-least' ? rates(c).recall : rates(c).precision) ?? -1;
  const own = (c: Confusion) => (strategy.kind === 'precision-at-least' ? rates(c).precision : rates(c).recall) ?? -1;
  let best = -1;
  let closest = 0;
  for (let i = 0; i < k; i++) {
    const c = at(i);
    if (meets(c) && (best < 0 || other(c) > other(at(best)))) best = i;
    if (own(c) > own(at(closest))) closest = i;
  }
  const metric = strategy.kind === 'precision-at-least' ? 'precision' : 'recall';
  if (best < 0) {
    return done(thresholdOf(closest), false, own(at(closest)), `No threshold reaches ${metric} ≥ ${strategy.target} ${where}; the closest is ${own(at(closest)).toFixed(4)}, used here.`);
  }
  const otherName = metric === 'precision' ? 'recall' : 'precision';
  return done(thresholdOf(best), true, own(at(best)), `${metric} ${own(at(best)).toFixed(4)} ≥ ${strategy.target} ${where}, with the highest ${otherName} (${other(at(best)).toFixed(4)}).`);
}
