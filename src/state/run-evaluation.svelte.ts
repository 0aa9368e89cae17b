import {
  binaryReport, chooseThreshold, confusionAt, reportAt, thresholdSweep,
  type BinaryReport, type ChosenThreshold, type ScoredRows, type Sweep, type ThresholdStrategy, type TrainOutcome,
} from '../core/index.ts';
import { loadThresholdChoice, saveThresholdChoice } from './threshold-store.ts';
import { ThresholdDecision } from './threshold-decision.svelte.ts';

/** What is being evaluated: the selected run's test split, or a scores file the user loaded. */
export interface EvaluationSubject {
  readonly key: string;
  /** Where the rows come from, for headings ("the test split", a file name). */
  readonly name: string;
  readonly evaluated: ScoredRows;
  readonly positive: string;
  readonly classes: readonly string[] | null;
  /** The rows' exact sweep and threshold-free metrics when the worker computed them; the page computes them otherwise. */
  readonly sorted?: { readonly sweep: Sweep; readonly base: BinaryReport };
}

/**
 * The selected run as an evaluation subject, with its own threshold decision: chosen on the validation split (never
 * test), stored per run so a reload brings it back, and the one the bundle and the compact use.
 */
export class RunEvaluation {
  readonly decision = new ThresholdDecision();
  /** Which split of the run is reported; the threshold is always chosen on validation. */
  split = $state<'test' | 'validation' | 'train'>('test');
  readonly #outcome: () => TrainOutcome | null;
  readonly #runId: () => string | null;

  constructor(outcome: () => TrainOutcome | null, runId: () => string | null) {
    this.#outcome = outcome;
    this.#runId = runId;
  }

  get outcome(): TrainOutcome | null { return this.#outcome(); }
  get id(): string | null { return this.#runId(); }

  /** The chosen split of the run, or null when no run is shown. */
  readonly subject: EvaluationSubject | null = $derived.by(() => {
    const o = this.#outcome();
    if (!o) return null;
    return { key: `run:${this.#runId() ?? ''}:${this.split}`, name: `the ${this.split} split`, evaluated: o[this.split], positive: o.contract.positiveClass, classes: o.classes ?? null };
  });

  // The run's own test split, whatever the screen shows (another split, a scores file).
  readonly #test = $derived.by(() => {
    const o = this.#outcome();
    if (!o) return null;
    const sweep = thresholdSweep(o.test.scores, o.test.labels);
    return { sweep, base: binaryReport(o.test.scores, o.test.labels, 0.5, sweep) };
  });

  /** The run's test report at its own threshold, as the bundle's metrics.json holds it. */
  readonly testReport: BinaryReport | null = $derived(this.#test ? reportAt(this.#test.base, confusionAt(this.#test.sweep, this.decision.threshold)) : null);

  /** Chooses the run's threshold on its validation split and stores it; throws a plain message when the strategy cannot. */
  choose(strategy: ThresholdStrategy): void {
    const o = this.#outcome();
    if (!o) return;
    const chosen = chooseThreshold(thresholdSweep(o.validation.scores, o.validation.labels), strategy, 'validation');
    this.decision.adopt(chosen);
    const id = this.#runId();
    if (id) void saveThresholdChoice(id, chosen);
  }

  /**
   * Brings back a run's stored threshold choice (or the default) when the shown run changes; answers the stored
   * choice, or null when none was stored or another run was selected meanwhile.
   */
  async restore(runId: string | null): Promise<ChosenThreshold | null> {
    const stored = runId ? await loadThresholdChoice(runId) : null;
    if (runId !== this.#runId()) return null;
    this.decision.adopt(stored);
    return stored;
  }
}
