import { confusionAt, rates, readConfusion, rocAuc, thresholdSweep, type Confusion, type TrainOutcome } from '../core/index.ts';

/** The live threshold and everything derived from it on the test split. */
export class EvaluationState {
  threshold = $state(0.5);
  #outcome: () => TrainOutcome | null;

  constructor(outcome: () => TrainOutcome | null) {
    this.#outcome = outcome;
  }

  readonly sweep = $derived.by(() => {
    const o = this.#outcome();
    return o ? thresholdSweep(o.test.scores, o.test.labels) : null;
  });

  readonly auc = $derived.by(() => {
    const o = this.#outcome();
    return o ? rocAuc(o.test.scores, o.test.labels) : null;
  });

  readonly confusion: Confusion | null = $derived(this.sweep ? confusionAt(this.sweep, this.threshold) : null);
  readonly rates = $derived(this.confusion ? rates(this.confusion) : null);
  readonly reading = $derived(this.confusion ? readConfusion(this.confusion) : '');
}
