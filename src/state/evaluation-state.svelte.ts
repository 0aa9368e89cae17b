import { binaryReport, confusionAt, rates, readConfusion, reportAt, thresholdSweep, type BinaryReport, type Confusion, type TrainOutcome } from '../core/index.ts';

/** The live threshold and everything derived from it on the test split; sorting happens once per run, not per slider move. */
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

  /** Threshold-free metrics (AUC, AP, Brier, log loss, ECE), computed once per run. */
  readonly #base = $derived.by(() => {
    const o = this.#outcome();
    return o ? binaryReport(o.test.scores, o.test.labels, 0.5) : null;
  });

  readonly confusion: Confusion | null = $derived(this.sweep ? confusionAt(this.sweep, this.threshold) : null);
  readonly rates = $derived(this.confusion ? rates(this.confusion) : null);
  readonly reading = $derived(this.confusion ? readConfusion(this.confusion) : '');
  /** The full test report at the current threshold, as metrics.json will hold it. */
  readonly report: BinaryReport | null = $derived(this.#base && this.confusion ? reportAt(this.#base, this.confusion) : null);
  readonly auc = $derived(this.#base?.roc_auc ?? null);
}
