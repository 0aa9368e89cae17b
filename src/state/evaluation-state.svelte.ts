import {
  errorText,
  binaryReport, chooseThreshold, confusionAt, nextUp, rates, readConfusion, reportAt, thresholdSweep,
  type BinaryReport, type ChosenThreshold, type Confusion, type EvaluationReport, type ScoredRows, type ScoresTableSpec, type SliceSpec, type Snapshot,
  type ThresholdStrategy, type TrainOutcome,
} from '../core/index.ts';
import type { EvaluateSettings, ScoresFileInfo, ScoresFileLoad } from '../workers/protocol.ts';
import { EvaluateClient } from './evaluate-client.ts';
import { loadThresholdChoice, saveThresholdChoice } from './threshold-store.ts';

export type StrategyKind = ThresholdStrategy['kind'];

/** What is being evaluated: the selected run's test split, or a scores file the user loaded. */
export interface EvaluationSubject {
  readonly key: string;
  /** Where the rows come from, for headings ("the test split", a file name). */
  readonly name: string;
  readonly evaluated: ScoredRows;
  readonly positive: string;
  readonly classes: readonly string[] | null;
}

/**
 * The live threshold and everything derived from it. The slider and the confusion matrix run on the page from one
 * sort per subject (O(log k) per move); the full report (curves, bootstrap, slices, errors) runs in the evaluate worker.
 */
export class EvaluationState {
  threshold = $state(0.5);
  /** Strategy inputs, as edited; `apply()` turns them into a chosen threshold. */
  strategyKind = $state<StrategyKind>('fixed');
  fixedValue = $state(0.5);
  costFp = $state(1);
  costFn = $state(5);
  precisionTarget = $state(0.9);
  recallTarget = $state(0.8);
  /** The last chosen threshold with its strategy and inputs (stored per run). */
  choice = $state.raw<ChosenThreshold | null>(null);
  sliceColumns = $state<string[]>([]);
  crossColumns = $state<[string, string] | null>(null);
  bins = $state(4);
  resamples = $state(1000);
  readonly seed = 42;

  #full = $state.raw<{ key: string; report: EvaluationReport } | null>(null);
  /** The full report, only while it belongs to the subject on screen (never an older run's, split's or file's). */
  get full(): EvaluationReport | null {
    const f = this.#full;
    return f && f.key === this.subject?.key ? f.report : null;
  }
  computing = $state(false);
  error = $state<string | null>(null);

  #source = $state<'run' | 'file'>('run');
  // The other source's threshold and choice, parked while this one is on screen: a scores file's threshold must never
  // leak into the run's bundle, nor the run's strategy into the file's report.
  #parked = $state.raw<{ threshold: number; choice: ChosenThreshold | null }>({ threshold: 0.5, choice: null });

  get source(): 'run' | 'file' { return this.#source; }

  /** Switches what is evaluated, keeping each source's own threshold and choice. */
  setSource(next: 'run' | 'file'): void {
    if (next === this.#source) return;
    const current = { threshold: this.threshold, choice: this.choice };
    this.threshold = this.#parked.threshold;
    this.choice = this.#parked.choice;
    this.#parked = current;
    this.#source = next;
  }

  /** The run's threshold and choice, whichever source is on screen (the bundle and compact use these). */
  get runThreshold(): number { return this.#source === 'run' ? this.threshold : this.#parked.threshold; }
  get runChoice(): ChosenThreshold | null { return this.#source === 'run' ? this.choice : this.#parked.choice; }
  /** Which split of the run is reported; the threshold is always chosen on validation. */
  split = $state<'test' | 'validation' | 'train'>('test');
  file = $state.raw<ScoresFileInfo | null>(null);
  fileError = $state<string | null>(null);
  fileLabel = $state('');
  fileScores = $state<string[]>([]);
  filePositive = $state('');
  #fileScored = $state.raw<{ scored: ScoredRows; classes: readonly string[] | null; positive: string; spec: ScoresTableSpec; fileName: string; columns: readonly string[] } | null>(null);

  /** Columns of the evaluated scores file that may be sliced and clustered: all but its label and score columns. */
  get fileColumns(): readonly string[] { return this.#fileScored?.columns ?? []; }

  readonly client = new EvaluateClient();
  #outcome: () => TrainOutcome | null;
  #runId: () => string | null;

  #snapshot: () => Snapshot | null;

  constructor(outcome: () => TrainOutcome | null, runId: () => string | null, snapshot: () => Snapshot | null) {
    this.#outcome = outcome;
    this.#runId = runId;
    this.#snapshot = snapshot;
  }

  /** The rows on screen: the run's test split, or the loaded scores file once evaluated. */
  readonly subject: EvaluationSubject | null = $derived.by(() => {
    if (this.source === 'file') {
      const f = this.#fileScored;
      return f ? { key: `file:${f.fileName}:${f.scored.scores.length}`, name: f.fileName, evaluated: f.scored, positive: f.positive, classes: f.classes } : null;
    }
    const o = this.#outcome();
    if (!o) return null;
    return { key: `run:${this.#runId() ?? ''}:${this.split}`, name: `the ${this.split} split`, evaluated: o[this.split], positive: o.contract.positiveClass, classes: o.classes ?? null };
  });

  readonly sweep = $derived.by(() => {
    const s = this.subject;
    return s ? thresholdSweep(s.evaluated.scores, s.evaluated.labels) : null;
  });

  /** Slider positions: every distinct score ascending, then "flag nothing" just above the top score. */
  readonly stops: Float64Array = $derived.by(() => {
    const t = this.sweep?.thresholds;
    if (!t || t.length === 0) return new Float64Array([0.5]);
    const asc = Float64Array.from(t).reverse();
    const out = new Float64Array(asc.length + 1);
    out.set(asc);
    out[asc.length] = nextUp(asc[asc.length - 1]);
    return out;
  });

  /** The slider position for the current threshold: the first stop at or above it (same decisions, snapped). */
  get stopIndex(): number {
    const stops = this.stops;
    let lo = 0;
    let hi = stops.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (stops[mid] >= this.threshold) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  setStop(index: number): void {
    const stops = this.stops;
    this.threshold = stops[Math.max(0, Math.min(stops.length - 1, Math.round(index)))];
  }

  /** Threshold-free metrics (AUC, AP, Brier, log loss, ECE), computed once per subject. */
  readonly #base = $derived.by(() => {
    const s = this.subject;
    const sweep = this.sweep;
    return s && sweep ? binaryReport(s.evaluated.scores, s.evaluated.labels, 0.5, sweep) : null;
  });

  readonly confusion: Confusion | null = $derived(this.sweep ? confusionAt(this.sweep, this.threshold) : null);
  readonly rates = $derived(this.confusion ? rates(this.confusion) : null);
  readonly reading = $derived(this.confusion ? readConfusion(this.confusion) : '');
  /** The full report's headline at the current threshold, as metrics.json will hold it. */
  readonly report: BinaryReport | null = $derived(this.#base && this.confusion ? reportAt(this.#base, this.confusion) : null);
  readonly auc = $derived(this.#base?.roc_auc ?? null);

  // The run's own test split, whatever the screen shows (another split, a scores file): the bundle and the compact
  // always describe the test split at the current threshold.
  readonly #runTest = $derived.by(() => {
    const o = this.#outcome();
    if (!o) return null;
    const sweep = thresholdSweep(o.test.scores, o.test.labels);
    return { sweep, base: binaryReport(o.test.scores, o.test.labels, 0.5, sweep) };
  });

  /** The run's test report at the current threshold, as the bundle's metrics.json holds it. */
  readonly runTestReport: BinaryReport | null = $derived(this.#runTest ? reportAt(this.#runTest.base, confusionAt(this.#runTest.sweep, this.runThreshold)) : null);

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

  /** The strategy the report uses: the applied choice, or a fixed threshold once the slider moved away from it. */
  activeStrategy(): ThresholdStrategy {
    const c = this.choice;
    return c && c.threshold === this.threshold ? c.strategy : { kind: 'fixed', value: this.threshold };
  }

  /** Chooses a threshold with the current strategy: on the validation split for a run (never test), on the rows of a scores file. */
  apply(): void {
    const s = this.subject;
    if (!s) return;
    const outcome = this.source === 'run' ? this.#outcome() : null;
    const on = outcome ? outcome.validation : s.evaluated;
    try {
      const chosen = chooseThreshold(thresholdSweep(on.scores, on.labels), this.strategy(), outcome ? 'validation' : 'input');
      this.error = null;
      this.choice = chosen;
      this.threshold = chosen.threshold;
      const id = this.#runId();
      if (outcome && id) void saveThresholdChoice(id, chosen);
    } catch (e) {
      this.error = errorText(e);
    }
  }

  /** Brings back a run's stored threshold choice (or the default 0.5) when the shown run changes. */
  async restoreFor(runId: string | null): Promise<void> {
    const stored = runId ? await loadThresholdChoice(runId) : null;
    if (runId !== this.#runId()) return;
    const restored = { threshold: stored?.threshold ?? 0.5, choice: stored };
    if (this.#source === 'run') {
      this.choice = restored.choice;
      this.threshold = restored.threshold;
      if (stored) this.#loadInputs(stored.strategy);
    } else {
      this.#parked = restored;
    }
  }

  #loadInputs(s: ThresholdStrategy): void {
    this.strategyKind = s.kind;
    if (s.kind === 'fixed') this.fixedValue = s.value;
    if (s.kind === 'min-cost') { this.costFp = s.costFp; this.costFn = s.costFn; }
    if (s.kind === 'precision-at-least') this.precisionTarget = s.target;
    if (s.kind === 'recall-at-least') this.recallTarget = s.target;
  }

  slices(): SliceSpec[] {
    const bins = Math.max(2, Math.round(Number(this.bins)) || 4);
    const single: SliceSpec[] = this.sliceColumns.map((c) => ({ columns: [c], bins }));
    const cross = this.crossColumns;
    return cross && cross[0] && cross[1] && cross[0] !== cross[1] ? [...single, { columns: [cross[0], cross[1]], bins }] : single;
  }

  /** Report settings; slices are kept only over `columns` (the subject's non-PII columns), so a switch of source never asks for a column the other one lacks. */
  settings(columns: readonly string[]): EvaluateSettings {
    const allowed = new Set(columns);
    const slices = this.slices().filter((spec) => spec.columns.every((c) => allowed.has(c)));
    return { slices, errorColumns: [...columns], resamples: Math.max(0, Math.round(Number(this.resamples)) || 0), seed: this.seed };
  }

  #generation = 0;

  /** Recomputes the full report in the worker; a newer request wins over an older one still running. */
  async refresh(errorColumns: readonly string[]): Promise<void> {
    const generation = ++this.#generation;
    const outcome = this.#outcome();
    const id = this.#runId();
    const key = this.subject?.key ?? '';
    this.computing = true;
    try {
      let report: EvaluationReport | null = null;
      if (this.source === 'run' && outcome && id) {
        const snapshot = this.#snapshot();
        if (snapshot && snapshot.id === outcome.snapshotId) await this.client.ensureSnapshot(snapshot);
        const run = { id, name: id, split: this.split, test: outcome[this.split], validation: outcome.validation, strategy: this.activeStrategy(), ...(outcome.classes ? { classes: outcome.classes } : {}) };
        report = await this.client.call((api) => api.reportRun(run, outcome.snapshotId, this.settings(errorColumns)));
      } else if (this.source === 'file' && this.#fileScored) {
        const { spec } = this.#fileScored;
        report = (await this.client.call((api) => api.reportFile(spec, this.activeStrategy(), this.settings(errorColumns), false))).report;
      }
      if (generation !== this.#generation) return;
      this.#full = report ? { key, report } : null;
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

  #fileSpec(): ScoresTableSpec {
    return { label: this.fileLabel, scores: [...this.fileScores], ...(this.filePositive ? { positive: this.filePositive } : {}) };
  }

  /** Loads a scores CSV into the worker and lists its columns; the earlier subject stays until this one is evaluated. */
  async loadScoresFile(file: File): Promise<void> {
    this.fileError = null;
    try {
      const result: ScoresFileLoad = await this.client.call((api) => api.loadScoresFile(file));
      if (!result.info) { this.fileError = result.message; return; }
      this.file = result.info;
      const names = result.info.columns.map((c) => c.name);
      this.fileLabel = names.find((n) => /^(label|y|target|actual)$/i.test(n)) ?? names[0] ?? '';
      const score = names.find((n) => /score|prob|pred/i.test(n) && n !== this.fileLabel);
      this.fileScores = score ? [score] : [];
      this.filePositive = '';
    } catch (e) {
      this.fileError = errorText(e);
    }
  }

  /** Evaluates the loaded scores file with the chosen label and score columns; errors name the line and column. */
  async evaluateFile(): Promise<void> {
    this.fileError = null;
    const generation = ++this.#generation;
    try {
      const spec = this.#fileSpec();
      const pii = new Set(this.file?.pii ?? []);
      const columns = (this.file?.columns ?? []).map((c) => c.name).filter((n) => n !== spec.label && !spec.scores.includes(n) && !pii.has(n));
      const settings = this.settings(columns);
      const result = await this.client.call((api) => api.reportFile(spec, { kind: 'fixed', value: 0.5 }, settings, true));
      const fileName = this.file?.fileName ?? 'scores';
      this.#fileScored = { scored: result.scored, classes: result.classes, positive: result.positive, spec, fileName, columns };
      this.setSource('file');
      this.choice = null;
      this.threshold = 0.5;
      if (generation === this.#generation) this.#full = { key: this.subject?.key ?? '', report: result.report };
    } catch (e) {
      this.fileError = errorText(e);
    }
  }
}
