import * as Comlink from 'comlink';
import { DEFAULT_DRIFT_LEVELS, DEFAULT_ISSUE_POLICY, errorText, type DriftLevels, type DriftReport, type FeedbackReport, type InferenceContract, type IssueKind } from '../core/index.ts';
import type { DescribeResult, FeedbackResult, ScoreApi, ScoreOutcome, ScoreProgress, ScoreResult } from '../workers/score.worker.ts';
import { headerColumns, defaultKey, endText, levelsProblem } from './monitor-text.ts';
import { WorkerClient } from './worker-client.ts';

/** The bundle the job scores with: its zip bytes (a copy is sent per call) and its name. */
export interface JobBundle {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

/**
 * One "score a new snapshot" job of the monitor view: the picked CSV and the user's choices, the streaming job in the
 * score worker (progress, Cancel keeping what was written), its drift report at editable levels, and label feedback.
 */
export class ScoringJob {
  contract = $state.raw<InferenceContract | null>(null);
  contractError = $state<string | null>(null);
  file = $state.raw<File | null>(null);
  header = $state.raw<readonly string[]>([]);
  policy = $state<Record<IssueKind, 'reject' | 'flag'>>({ ...DEFAULT_ISSUE_POLICY });
  includePii = $state(false);
  key = $state('');
  time = $state('');
  running = $state(false);
  progress = $state.raw<ScoreProgress | null>(null);
  outcome = $state.raw<ScoreOutcome | null>(null);
  /** Why the job stopped or could not start: one line naming the file. */
  error = $state<string | null>(null);
  /** The last end-of-job sentence, for the live region. */
  announcement = $state('');
  levels = $state.raw<DriftLevels>(DEFAULT_DRIFT_LEVELS);
  levelsError = $state<string | null>(null);
  drift = $state.raw<DriftReport | null>(null);
  feedback = $state.raw<(FeedbackReport & { readonly labels_from: string }) | null>(null);
  feedbackError = $state<string | null>(null);
  feedbackBusy = $state(false);
  readonly #worker = new WorkerClient<ScoreApi>(() => new Worker(new URL('../workers/score.worker.ts', import.meta.url), { type: 'module' }));

  constructor(readonly bundle: JobBundle) {}

  /** Reads the bundle's inference contract (for the form: PII columns, entity key, model columns). */
  async describe(): Promise<void> {
    try {
      const r = await this.#worker.call<DescribeResult>((api) => api.describe(this.bundle.bytes.slice(), this.bundle.fileName));
      if (r.ok) this.contract = r.contract;
      else this.contractError = r.message;
    } catch (e) {
      this.contractError = `${this.bundle.fileName} could not be read for scoring: ${errorText(e)}`;
    }
  }

  /** Takes a new snapshot CSV: reads its header line only (for the key and time choices); results of the last job stay. */
  async pick(file: File): Promise<void> {
    this.file = file;
    this.error = null;
    this.header = headerColumns(await file.slice(0, 64 * 1024).text());
    if (this.contract) this.key = defaultKey(this.header, this.contract);
    this.time = '';
  }

  /** Streams the picked file through the bundle in the worker; a missing model column stops it before any scoring. */
  async start(): Promise<void> {
    const file = this.file;
    if (!file || this.running) return;
    this.running = true;
    this.error = null;
    this.outcome = null;
    this.drift = null;
    this.feedback = null;
    this.feedbackError = null;
    this.progress = { bytes: 0, rows: 0, scored: 0, rejected: 0, flagged: 0, issues: { ...ZERO }, total: file.size };
    this.announcement = '';
    try {
      const settings = { policy: { ...this.policy }, includePii: this.includePii, key: this.key || null, time: this.time || null };
      const onProgress = Comlink.proxy((p: ScoreProgress) => { this.progress = p; });
      const result = await this.#worker.call<ScoreResult>((api) => api.score(this.bundle.bytes.slice(), this.bundle.fileName, file, settings, onProgress));
      if (!result.ok) {
        this.error = result.message;
        this.announcement = `Scoring stopped: ${result.message}`;
        return;
      }
      this.outcome = result;
      this.progress = result.progress;
      this.feedback = result.feedback;
      this.drift = result.drift && this.levels !== DEFAULT_DRIFT_LEVELS ? await this.#worker.call((api) => api.drift(this.levels)) : result.drift;
      this.announcement = endText(result);
    } catch (e) {
      this.error = `${file.name} could not be scored: ${errorText(e)}`;
      this.announcement = this.error;
    } finally {
      this.running = false;
    }
  }

  /** Stops the job after the current read; the rows scored so far stay downloadable, marked partial. */
  cancel(): void {
    void this.#worker.running?.cancel();
  }

  /** Re-judges the last job's drift at new levels, without re-scoring; invalid levels are named and not applied. */
  async setLevels(levels: DriftLevels): Promise<void> {
    const problem = levelsProblem(levels);
    this.levelsError = problem;
    if (problem) return;
    this.levels = levels;
    if (this.outcome?.drift) this.drift = await this.#worker.call((api) => api.drift(levels));
  }

  /** Joins a later labels CSV (null: the snapshot's own label column) by the chosen key (and event time) to the scored rows. */
  async joinLabels(labels: File | null): Promise<void> {
    this.feedbackBusy = true;
    this.feedbackError = null;
    try {
      const r = await this.#worker.call<FeedbackResult>((api) => api.feedback(labels, this.key || null, this.time || null));
      if (r.ok) this.feedback = r.report;
      else this.feedbackError = r.message;
    } catch (e) {
      this.feedbackError = `${labels?.name ?? 'labels'} could not be joined: ${errorText(e)}`;
    } finally {
      this.feedbackBusy = false;
    }
  }

  /** Stops the worker (the view closed). */
  dispose(): void {
    this.#worker.terminate();
  }
}

const ZERO: Record<IssueKind, number> = { wrong_type: 0, out_of_range: 0, unseen_category: 0, unexpected_missing: 0, ragged_row: 0 };

let current: ScoringJob | null = null;

/**
 * The job of the opened bundle: the same one while that bundle stays open, so leaving the monitor view and coming back
 * keeps the scored files, drift and labels; a different bundle starts a fresh job and stops the previous worker.
 */
export function scoringJobFor(bundle: JobBundle): ScoringJob {
  if (current && current.bundle.bytes === bundle.bytes) return current;
  current?.dispose();
  current = new ScoringJob(bundle);
  void current.describe();
  return current;
}

export type { ScoreOutcome, ScoreProgress, RejectRow } from '../workers/score.worker.ts';
