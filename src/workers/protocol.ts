import { hasValues, type BinaryReport, type Comparison, type EvaluationReport, type ScoredRows, type ScoresTableSpec, type SliceSpec, type Sweep, type ThresholdStrategy, type ChecksReport, type ColumnProfile, type ColumnRule, type Contract, type DataContract, type LoadResult, type ParseOptions, type RoleSuggestion, type RunConfig, type RunRecord, type Snapshot, type TrainOutcome, type TrainProgress } from '../core/index.ts';

/** Streaming progress of a load: bytes read of the file's size, and data rows parsed. */
export interface LoadProgress {
  readonly bytes: number;
  readonly total: number;
  readonly rows: number;
}

/** The parse worker: a File streams in by chunks; the typed-column snapshot comes back with its buffers transferred. */
export interface ParseApi {
  parseFile(file: File, options: ParseOptions, onProgress: (progress: LoadProgress) => void): Promise<LoadResult>;
  /** Stops the load in progress after the current chunk. */
  cancel(): void;
  /** A port to another worker (checks, evaluate): each parsed snapshot is copied there, off the main thread. */
  connect(port: MessagePort): void;
}

/** What the checks worker learns about a snapshot once: profiles, proposed roles (label not yet known) and seeded rules. */
export interface SnapshotFacts {
  readonly profiles: readonly ColumnProfile[];
  readonly suggestions: readonly RoleSuggestion[];
  readonly rules: Readonly<Record<string, ColumnRule>>;
}

/** The checks worker keeps a copy of the snapshot, so each contract edit sends only the contract. */
export interface ChecksApi {
  /** Receives snapshots from the parse worker through `port` (see `ParseApi.connect`). */
  attach(port: MessagePort): void;
  /** Facts for a snapshot already sent over the port, or null when it did not arrive in time. */
  loadById(snapshotId: string): Promise<SnapshotFacts | null>;
  /** Facts for a snapshot sent with the call (a copy made on the caller's thread). */
  load(snapshot: Snapshot): Promise<SnapshotFacts>;
  run(contract: DataContract, seed: number): Promise<ChecksReport>;
}

/** What the saved run record holds beside the outcome: the data contract it was trained under and the app's version. */
export interface RunToKeep {
  readonly dataContract: DataContract | null;
  readonly appVersion: string;
}

/** The train worker: one run per worker; progress streams through a callback, cancel is cooperative. */
export interface TrainApi {
  /**
   * Trains, then saves the run in IndexedDB from the worker (storing 1M rows of scores serialises them on the calling
   * thread: a long task on the page) and answers the record, its buffers transferred, with the store's error or null.
   */
  train(snapshot: Snapshot, contract: Contract, config: RunConfig, onProgress: (progress: TrainProgress) => void, keep: RunToKeep): Promise<{ readonly record: RunRecord; readonly storeError: string | null }>;
  cancel(): void;
}

/** Every ArrayBuffer inside a snapshot's columns, for zero-copy transfer. */
export function snapshotBuffers(snapshot: Snapshot): ArrayBuffer[] {
  return snapshot.columns.map((c) => (hasValues(c) ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
}

/**
 * Ends the current task and resolves in the next one: a MessageChannel hop, a macrotask without the 4 ms clamp that
 * nested timers get (a worker lets a pending message such as cancel() run; the page keeps its tasks short).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const copyColumn = (c: Snapshot['columns'][number]): Snapshot['columns'][number] => (hasValues(c) ? { ...c, values: c.values.slice() } : { ...c, codes: c.codes.slice() });

/**
 * `copySnapshot`, one column per task: at 1M rows a column copies in a few ms, where one structured clone of the
 * whole snapshot (what posting it untransferred does) holds the page for 60-100 ms.
 */
export async function copySnapshotInSteps(snapshot: Snapshot): Promise<Snapshot> {
  const columns: Snapshot['columns'][number][] = [];
  for (const c of snapshot.columns) {
    columns.push(copyColumn(c));
    await nextTask();
  }
  return { ...snapshot, columns };
}

/** A copy of a snapshot whose column buffers can be transferred without giving up the original. */
export function copySnapshot(snapshot: Snapshot): Snapshot {
  return { ...snapshot, columns: snapshot.columns.map(copyColumn) };
}

/** Every ArrayBuffer inside a run outcome, for zero-copy transfer. */
export function outcomeBuffers(o: TrainOutcome): ArrayBuffer[] {
  const arrays = [
    o.split.train, o.split.validation, o.split.test, ...(o.coef ? [o.coef] : []),
    o.train.labels, o.train.scores, o.validation.labels, o.validation.scores, o.test.labels, o.test.scores,
    o.modelFiles['model.json'], o.modelFiles['weights.bin'],
    ...[o.train, o.validation, o.test].flatMap((s) => (s.classIndex && s.probabilities ? [s.classIndex, s.probabilities] : [])),
  ];
  // validation.rows/test.rows share buffers with the split; listing a buffer twice would make transfer throw.
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Scores of one trained run as the evaluate worker needs them, with the strategy that picks its threshold. */
export interface RunScores {
  readonly id: string;
  readonly name: string;
  /** Which split `test` holds (the report names it); the threshold is still chosen on `validation`. */
  readonly split?: 'test' | 'validation' | 'train';
  readonly test: ScoredRows;
  readonly validation: ScoredRows | null;
  readonly classes?: readonly string[];
  readonly strategy: ThresholdStrategy;
}

/** Report settings shared by every source. */
export interface EvaluateSettings {
  readonly slices: readonly SliceSpec[];
  /** 0 turns the bootstrap off. */
  readonly resamples: number;
  readonly seed: number;
  /** Columns error clusters may use (never PII). */
  readonly errorColumns: readonly string[];
}

/** A loaded scores file: its columns, for the label and score pickers. */
export interface ScoresFileInfo {
  readonly fileName: string;
  readonly rowCount: number;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Columns that look like PII: never sliced, clustered or exported. */
  readonly pii: readonly string[];
}

/** A loaded scores file's columns, or why it could not be read (one of the two is null). */
export interface ScoresFileLoad { readonly info: ScoresFileInfo | null; readonly message: string | null }

/** The evaluate worker: every report, comparison and bootstrap runs here, off the page's thread. */
export interface EvaluateApi {
  /** Receives each parsed snapshot from the parse worker (the newest is kept, for slices and error clusters of runs). */
  attach(port: MessagePort): void;
  /** The same, sent from the page: only for a worker restarted after a crash, which no parse worker feeds. */
  setSnapshot(snapshot: Snapshot): void;
  loadScoresFile(file: File): Promise<ScoresFileLoad>;
  reportRun(run: RunScores, snapshotId: string, settings: EvaluateSettings): Promise<EvaluationReport>;
  /** `fromPending` evaluates the file loaded last; otherwise the last one that evaluated cleanly. */
  /**
   * Also answers the rows' exact sweep (its arrays transferred) and threshold-free metrics, so the page's slider only
   * binary-searches them and never sorts 1M scores on the main thread.
   */
  reportFile(spec: ScoresTableSpec, strategy: ThresholdStrategy, settings: EvaluateSettings, fromPending: boolean): Promise<{ readonly report: EvaluationReport; readonly scored: ScoredRows; readonly sweep: Sweep; readonly base: BinaryReport; readonly classes: readonly string[] | null; readonly positive: string }>;
  /** One split's exact sweep (arrays transferred) and threshold-free metrics, sorted here so the page never sorts 200k+ scores. */
  sortScores(scores: Float64Array, labels: Uint8Array): Promise<{ readonly sweep: Sweep; readonly base: BinaryReport }>;
  compare(runs: readonly RunScores[], snapshotId: string, baselineId: string, slice: SliceSpec | null, settings: EvaluateSettings, policy?: ThresholdStrategy | null): Promise<Comparison>;
}
