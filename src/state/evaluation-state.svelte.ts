import {
  confusionAt, errorText, labelClasses, outcomeNames, rates, renamedOutcomes, readConfusion, reportAt,
  type BinaryReport, type OutcomeNames, type ChosenThreshold, type Comparison, type Confusion, type EvaluationReport, type RunRecord, type RunToCompare, type Snapshot, type ThresholdStrategy, type TrainOutcome,
} from '../core/index.ts';
import { EvaluateClient } from './evaluate-client.ts';
import { ReportSettings } from './report-settings.svelte.ts';
import { compareSavedRuns } from './run-comparison.ts';
import { RunEvaluation, type EvaluationSubject } from './run-evaluation.svelte.ts';
import { ScoresFile } from './scores-file.svelte.ts';
import { SortedSweeps } from './sorted-sweeps.svelte.ts';
import { sliderStops, snapTyped, stopIndex, thresholdAtPosition, ThresholdControl, trackMax, trackPosition } from './threshold-control.svelte.ts';
import type { ThresholdDecision } from './threshold-decision.svelte.ts';

export type { EvaluationSubject } from './run-evaluation.svelte.ts';

/** The Evaluate step's secondary panels, one tab each. */
export const EVALUATE_PANELS = ['curves', 'calibration', 'intervals', 'slices', 'errors', 'operating-points', 'classes', 'importance', 'compare'] as const;
/** One of the Evaluate step's secondary panels. */
export type EvaluatePanel = (typeof EVALUATE_PANELS)[number];

/**
 * The Evaluate step: which subject is on screen (the selected run or a scores file, each with its own threshold
 * decision), the live numbers at its threshold, and the full report. The slider and the confusion matrix run on the
 * page from one sort per subject (O(log k) per move): a scores file's sort comes sorted from the evaluate worker, a
 * run split's from `sorts` (the evaluate worker too, unless it is small); the full report (curves, bootstrap,
 * slices, errors) runs in the evaluate worker.
 */
export class EvaluationState {
  /** The evaluate worker, shared by the full report, the scores file and the comparison of runs. */
  readonly client = new EvaluateClient();
  /** Each run split's sweep and base report, sorted once (in the evaluate worker when large). */
  readonly sorts = new SortedSweeps(this.client);
  /** The strategy form (one for both sources: it holds inputs, not a decision). */
  readonly control = new ThresholdControl();
  /** Slices, bins and bootstrap resamples of the full report. */
  readonly settings = new ReportSettings();
  /** The selected run, with the threshold decision the bundle uses. */
  readonly run: RunEvaluation;
  /** A loaded scores file, with its own threshold decision. */
  readonly scoresFile = new ScoresFile(this.client);
  computing = $state(false);
  error = $state<string | null>(null);
  /** The last runs comparison made on the page, so an export can carry it into report.html. */
  lastComparison = $state.raw<Comparison | null>(null);
  /** The secondary panel open under the matrix and sweep; kept here so it survives the step view re-rendering. */
  panel = $state<EvaluatePanel>('curves');
  #source = $state<'run' | 'file'>('run');
  #full = $state.raw<{ key: string; report: EvaluationReport } | null>(null);
  #snapshot: () => Snapshot | null;
  #givenNames: () => Partial<OutcomeNames> | null;
  #generation = 0;
  /** What the full report on screen was computed from, so coming back to the Evaluate step does not compute it again. */
  #computedFrom = '';
  #restoredFor: string | null | undefined = undefined;

  /** `givenNames`: the contract's own words for the run's outcomes, when the user renamed them. */
  constructor(outcome: () => TrainOutcome | null, runId: () => string | null, snapshot: () => Snapshot | null, givenNames: () => Partial<OutcomeNames> | null = () => null) {
    this.run = new RunEvaluation(outcome, runId, this.sorts);
    this.#snapshot = snapshot;
    this.#givenNames = givenNames;
  }

  get source(): 'run' | 'file' { return this.#source; }

  /** Switches what is evaluated; each source keeps its own threshold and choice. */
  setSource(next: 'run' | 'file'): void {
    this.#source = next;
  }

  /** The decision of the subject on screen. */
  get decision(): ThresholdDecision { return this.#source === 'run' ? this.run.decision : this.scoresFile.decision; }
  /** The threshold on screen (the slider, the matrix and the report use it). */
  get threshold(): number { return this.decision.threshold; }
  set threshold(value: number) { this.decision.threshold = value; }
  get choice(): ChosenThreshold | null { return this.decision.choice; }

  /** The rows on screen: the run's chosen split, or the loaded scores file once evaluated. */
  readonly subject: EvaluationSubject | null = $derived.by(() => (this.#source === 'file' ? this.scoresFile.subject : this.run.subject));

  /** The full report, only while it belongs to the subject on screen (never an older run's, split's or file's). */
  get full(): EvaluationReport | null {
    const f = this.#full;
    return f && f.key === this.subject?.key ? f.report : null;
  }

  // The subject's sweep and base report: a scores file brings them; a run's split is sorted once by `sorts`.
  readonly #sorted = $derived.by(() => {
    const s = this.subject;
    return s ? (s.sorted ?? this.sorts.of(s.evaluated)) : null;
  });

  /** The subject's exact sweep; null without a subject and while its scores are sorted in the worker. */
  readonly sweep = $derived(this.#sorted?.sweep ?? null);
  /** True while the subject's scores are sorted in the worker (the matrix and slider wait for it). */
  get sorting(): boolean { return this.subject !== null && this.#sorted === null && this.sortFailure === null; }
  /** Why the subject's scores could not be sorted, or null. */
  get sortFailure(): string | null { return this.subject && !this.subject.sorted ? this.sorts.failure(this.subject.evaluated) : null; }

  /** Slider positions: every distinct score ascending, then "flag nothing". */
  readonly stops: Float64Array = $derived(sliderStops(this.sweep));
  /** The slider position for the current threshold. */
  get stopIndex(): number { return stopIndex(this.stops, this.threshold); }

  setStop(index: number): void {
    const stops = this.stops;
    this.threshold = stops[Math.max(0, Math.min(stops.length - 1, Math.round(index)))];
  }

  /** The slider's last position on the control's track (stops or linear steps). */
  get trackMax(): number { return trackMax(this.stops, this.control.track); }
  /** The slider position showing the current threshold on the control's track. */
  get trackPosition(): number { return trackPosition(this.stops, this.control.track, this.threshold); }
  /** Moves the threshold to the stop a slider position selects (always a real sweep point). */
  setPosition(position: number): void {
    this.threshold = thresholdAtPosition(this.stops, this.control.track, position, this.threshold);
  }
  /** Sets a typed threshold, snapped to the stop with the same decisions; false when it is not a number. */
  setTyped(value: number): boolean {
    const snapped = snapTyped(this.stops, value);
    if (snapped === null) return false;
    this.threshold = snapped;
    return true;
  }

  /** Threshold-free metrics (AUC, AP, Brier, log loss, ECE), computed once per subject. */
  readonly #base = $derived(this.#sorted?.base ?? null);

  readonly confusion: Confusion | null = $derived(this.sweep ? confusionAt(this.sweep, this.threshold) : null);
  readonly rates = $derived(this.confusion ? rates(this.confusion) : null);
  /** Words for the two outcomes ("survived" / "not survived"), for the matrix and its reading. */
  readonly names: OutcomeNames | null = $derived.by(() => {
    const s = this.subject;
    if (!s) return null;
    if (this.#source === 'file') return outcomeNames('', s.positive, s.classes ?? []);
    const label = this.run.outcome?.contract.label ?? '';
    const column = this.#snapshot()?.columns.find((c) => c.name === label);
    return renamedOutcomes(outcomeNames(label, s.positive, s.classes ?? (column ? labelClasses(column).map((c) => c.value) : [])), this.#givenNames());
  });
  readonly reading = $derived(this.confusion ? readConfusion(this.confusion, this.names ?? undefined) : '');
  /** The full report's headline at the current threshold, as metrics.json will hold it. */
  readonly report: BinaryReport | null = $derived(this.#base && this.confusion ? reportAt(this.#base, this.confusion) : null);
  readonly auc = $derived(this.#base?.roc_auc ?? null);

  /** Chooses a threshold with the form's strategy: on the validation split for a run (never test), on the rows of a scores file. */
  async apply(): Promise<void> {
    if (!this.subject) return;
    try {
      if (this.#source === 'run') await this.run.choose(this.control.strategy());
      else this.scoresFile.choose(this.control.strategy());
      this.error = null;
    } catch (e) {
      this.error = errorText(e);
    }
  }

  /** Brings back a run's stored threshold choice (or the default 0.5) when the shown run changes; its strategy fills the form. */
  async restoreFor(runId: string | null): Promise<void> {
    // Coming back to the step (it remounts) must keep the threshold where the slider left it.
    if (runId === this.#restoredFor) return;
    this.#restoredFor = runId;
    const stored = await this.run.restore(runId);
    if (stored && this.#source === 'run') this.control.load(stored.strategy);
  }

  /** Recomputes the full report in the worker; a newer request wins over an older one still running. */
  async refresh(errorColumns: readonly string[]): Promise<void> {
    const generation = ++this.#generation;
    const outcome = this.run.outcome;
    const id = this.run.id;
    const key = this.subject?.key ?? '';
    const split = this.run.split;
    const strategy = this.#source === 'run' ? this.run.decision.activeStrategy() : this.scoresFile.decision.activeStrategy();
    const from = this.#reportKey(this.#source, key, strategy, errorColumns);
    if (from === this.#computedFrom && this.full) {
      // Still bumped above, so an older request in flight cannot replace the report on screen.
      this.computing = false;
      return;
    }
    this.computing = true;
    try {
      let report: EvaluationReport | null = null;
      if (this.#source === 'run' && outcome && id) {
        const snapshot = this.#snapshot();
        if (snapshot && snapshot.id === outcome.snapshotId) await this.client.ensureSnapshot(snapshot);
        const run = { id, name: id, split, test: outcome[split], validation: outcome.validation, strategy: this.run.decision.activeStrategy(), ...(outcome.classes ? { classes: outcome.classes } : {}) };
        report = await this.client.call((api) => api.reportRun(run, outcome.snapshotId, this.settings.forColumns(errorColumns)));
      } else if (this.#source === 'file') {
        report = await this.scoresFile.report(this.settings.forColumns(errorColumns));
      }
      if (generation !== this.#generation) return;
      this.#full = report ? { key, report } : null;
      this.#computedFrom = report ? from : '';
      this.error = null;
    } catch (e) {
      if (generation === this.#generation) {
        this.error = errorText(e);
        this.#full = null;
      }
    } finally {
      if (generation === this.#generation) this.computing = false;
    }
  }

  /** Evaluates the loaded scores file and shows it; on failure the earlier subject stays and `scoresFile.error` says why. */
  async evaluateFile(): Promise<void> {
    const generation = ++this.#generation;
    const report = await this.scoresFile.evaluate((columns) => this.settings.forColumns(columns));
    if (!report) return;
    this.#source = 'file';
    if (generation !== this.#generation) return;
    const key = this.subject?.key ?? '';
    this.#full = { key, report };
    // The report just made is the one the step's refresh would ask for next: marked so, the file is reported once.
    this.#computedFrom = this.#reportKey('file', key, this.scoresFile.decision.activeStrategy(), this.scoresFile.columns);
  }

  // What a full report is computed from: the same key means the report on screen is already that one.
  #reportKey(source: 'run' | 'file', key: string, strategy: ThresholdStrategy, errorColumns: readonly string[]): string {
    return JSON.stringify([source, key, strategy, this.settings.forColumns(errorColumns)]);
  }

  /**
   * Compares the saved runs, each at the threshold `policy` chooses on its own validation split, with the report
   * settings' slice bins and resamples; kept as `lastComparison`.
   */
  async compare(runs: readonly RunRecord[], snapshotId: string, baseline: string, sliceColumn: string, errorColumns: readonly string[], policy: ThresholdStrategy | null = null, extra: readonly RunToCompare[] = []): Promise<Comparison> {
    const slice = sliceColumn ? { columns: [sliceColumn] as [string], bins: Number(this.settings.bins) || 4 } : null;
    const comparison = await compareSavedRuns(this.client, runs, snapshotId, baseline, slice, this.settings.forColumns(errorColumns), policy, extra);
    this.lastComparison = comparison;
    return comparison;
  }
}
