import {
  chooseThreshold, confusionAt, reportAt,
  type BinaryReport, type ChosenThreshold, type ScoredRows, type Sweep, type ThresholdStrategy, type TrainOutcome,
} from '../core/index.ts';
import type { SortedSweeps } from './sorted-sweeps.svelte.ts';
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
  readonly #sorts: SortedSweeps;

  /** `sorts` sorts each split once (large ones in the evaluate worker). */
  constructor(outcome: () => TrainOutcome | null, runId: () => string | null, sorts: SortedSweeps) {
    this.#outcome = outcome;
    this.#runId = runId;
    this.#sorts = sorts;
  }

  get outcome(): TrainOutcome | null { return this.#outcome(); }
  get id(): string | null { return this.#runId(); }

  /** The chosen split of the run, or null when no run is shown. */
  readonly subject: EvaluationSubject | null = $derived.by(() => {
    const o = this.#outcome();
    if (!o) return null;
    return { key: `run:${this.#runId() ?? ''}:${this.split}`, name: `the ${this.split} split`, evaluated: o[this.split], positive: o.contract.positiveClass, classes: o.classes ?? null };
  });

  // The run's own test split, whatever the screen shows (another split, a scores file); null while it is sorted.
  readonly #test = $derived.by(() => {
    const o = this.#outcome();
    return o ? this.#sorts.of(o.test) : null;
  });

  /** The run's test report at its own threshold, as the bundle's metrics.json holds it; null while the split is sorted. */
  readonly testReport: BinaryReport | null = $derived(this.#test ? reportAt(this.#test.base, confusionAt(this.#test.sweep, this.decision.threshold)) : null);

  /** Chooses the run's threshold on its validation split and stores it; rejects with a plain message when the strategy cannot. */
  async choose(strategy: ThresholdStrategy): Promise<void> {
    const o = this.#outcome();
    if (!o) return;
    const id = this.#runId();
    const validation = await this.#sorts.get(o.validation);
    // Another run selected while the validation split was sorted: the choice was for the one before.
    if (this.#outcome() !== o || this.#runId() !== id) return;
    const chosen = chooseThreshold(validation.sweep, strategy, 'validation');
    this.decision.adopt(chosen);
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
