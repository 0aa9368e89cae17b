import { describeStrategy, nextUp, type ChosenThreshold, type Sweep, type ThresholdStrategy } from '../core/index.ts';
import { DEFAULT_THRESHOLD } from './threshold-decision.svelte.ts';

/** Which strategy the form describes (`fixed`, `min-cost`, `max-f1`, `precision-at-least`, `recall-at-least`). */
export type StrategyKind = ThresholdStrategy['kind'];

/**
 * The threshold slider's stops and the strategy form: the slider moves over every distinct score, the form holds the
 * strategy inputs as edited until they are applied.
 */
export class ThresholdControl {
  strategyKind = $state<StrategyKind>('fixed');
  fixedValue = $state(0.5);
  costFp = $state(1);
  costFn = $state(5);
  precisionTarget = $state(0.9);
  recallTarget = $state(0.8);
  /** How the slider's track maps to thresholds; linear by default, so 0.5 sits mid-track when teaching. */
  track = $state<TrackMode>('linear');

  /** The strategy the inputs describe. */
  strategy(): ThresholdStrategy {
    switch (this.strategyKind) {
      case 'fixed': return { kind: 'fixed', value: Number(this.fixedValue) };
      case 'min-cost': return { kind: 'min-cost', costFp: Number(this.costFp), costFn: Number(this.costFn) };
      case 'max-f1': return { kind: 'max-f1' };
      case 'precision-at-least': return { kind: 'precision-at-least', target: Number(this.precisionTarget) };
      case 'recall-at-least': return { kind: 'recall-at-least', target: Number(this.recallTarget) };
    }
  }

  /** Puts a stored strategy back into the inputs. */
  load(s: ThresholdStrategy): void {
    this.strategyKind = s.kind;
    if (s.kind === 'fixed') this.fixedValue = s.value;
    if (s.kind === 'min-cost') { this.costFp = s.costFp; this.costFn = s.costFn; }
    if (s.kind === 'precision-at-least') this.precisionTarget = s.target;
    if (s.kind === 'recall-at-least') this.recallTarget = s.target;
  }
}

/** Slider positions: every distinct score ascending, then "flag nothing" just above the top score. */
export function sliderStops(sweep: Sweep | null): Float64Array {
  const t = sweep?.thresholds;
  if (!t || t.length === 0) return new Float64Array([0.5]);
  const asc = Float64Array.from(t).reverse();
  const out = new Float64Array(asc.length + 1);
  out.set(asc);
  out[asc.length] = nextUp(asc[asc.length - 1]);
  return out;
}

/** The slider position for a threshold: the first stop at or above it (same decisions, snapped). */
export function stopIndex(stops: Float64Array, threshold: number): number {
  let lo = 0;
  let hi = stops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stops[mid] >= threshold) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How the slider's track maps to thresholds: evenly in threshold (0.5 mid-track), or one stop per distinct score. */
export type TrackMode = 'linear' | 'distinct';

/** Positions on a linear track: fine enough to reach every hundredth, coarse enough for arrow keys to move visibly. */
export const LINEAR_STEPS = 1000;

/** The threshold range a linear track spans: [0, 1] widened to every stop (scores outside [0, 1], "flag nothing"). */
export function trackRange(stops: Float64Array): { lo: number; hi: number } {
  return { lo: Math.min(0, stops[0] ?? 0), hi: Math.max(1, stops[stops.length - 1] ?? 1) };
}

/** The slider's `max` attribute: the last stop's index, or LINEAR_STEPS on a linear track. */
export function trackMax(stops: Float64Array, mode: TrackMode): number {
  return mode === 'distinct' ? stops.length - 1 : LINEAR_STEPS;
}

/** The slider position that shows `threshold`: its stop's index, or its place on the linear track (rounded). */
export function trackPosition(stops: Float64Array, mode: TrackMode, threshold: number): number {
  if (mode === 'distinct') return stopIndex(stops, threshold);
  const { lo, hi } = trackRange(stops);
  return Math.max(0, Math.min(LINEAR_STEPS, Math.round(((threshold - lo) / (hi - lo)) * LINEAR_STEPS)));
}

/** The stop nearest to `value` (ties go to the lower stop). */
export function nearestStop(stops: Float64Array, value: number): number {
  const i = stopIndex(stops, value);
  if (i > 0 && value - stops[i - 1] <= stops[i] - value) return i - 1;
  return i;
}

/**
 * The threshold a slider position selects, always a stop (a real sweep point). On a linear track the position's
 * value snaps to the nearest stop; if that is the current threshold although the position moved away from it, it
 * steps one stop in the direction of the move, so an arrow key always changes the decision.
 */
export function thresholdAtPosition(stops: Float64Array, mode: TrackMode, position: number, current: number): number {
  if (mode === 'distinct') return stops[Math.max(0, Math.min(stops.length - 1, Math.round(position)))];
  const { lo, hi } = trackRange(stops);
  const value = lo + (Math.max(0, Math.min(LINEAR_STEPS, position)) / LINEAR_STEPS) * (hi - lo);
  let i = nearestStop(stops, value);
  if (stops[i] === current && value !== current) i = Math.max(0, Math.min(stops.length - 1, i + Math.sign(value - current)));
  return stops[i];
}

/**
 * A typed threshold snapped to the stop that makes the same decisions: the first stop at or above it (a row is
 * flagged when its score ≥ threshold, and no score lies between the typed value and that stop). Null when the text
 * is not a finite number.
 */
export function snapTyped(stops: Float64Array, typed: number): number | null {
  if (!Number.isFinite(typed)) return null;
  return stops[stopIndex(stops, typed)];
}

/** Which strategy set the current threshold, for the control to say ("set by: maximum F1 on validation", "set by hand"). */
export function thresholdSetBy(choice: ChosenThreshold | null, threshold: number): string {
  if (choice && choice.threshold === threshold && choice.strategy.kind === 'fixed') return `set by: ${describeStrategy(choice.strategy)}`;
  if (choice && choice.threshold === threshold) return `set by: ${describeStrategy(choice.strategy)} on ${choice.chosen_on === 'validation' ? 'validation' : 'the evaluated rows'}`;
  if (!choice && threshold === DEFAULT_THRESHOLD) return `set by: the default (${DEFAULT_THRESHOLD})`;
  return 'set by hand';
}
