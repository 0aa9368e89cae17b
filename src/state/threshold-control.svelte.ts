import { nextUp, type Sweep, type ThresholdStrategy } from '../core/index.ts';

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
