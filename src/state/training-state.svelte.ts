import * as Comlink from 'comlink';
import { errorText, type Contract, type DataContract, type RunConfig, type RunRecord, type Snapshot, type TrainOutcome, type TrainProgress } from '../core/index.ts';
import { deleteRun, loadRuns } from '../storage/run-store.ts';
import { copySnapshotInSteps, snapshotBuffers, type TrainApi } from '../workers/protocol.ts';
import { announce } from './announcer.svelte.ts';
import { WorkerClient } from './worker-client.ts';
import { clearInFlight, deleteInterrupted, loadInterrupted, markInFlight, takeInterrupted, type InterruptedRun } from './interrupted-runs.ts';

// Far longer than any single synchronous step of a run (which delays heartbeats), far shorter than forever.
const HEARTBEAT_SILENCE_MS = 60_000;

const PROGRESS_INTERVAL_MS = 250;
/** How long a cooperative cancel may take before the worker is terminated outright. */
const CANCEL_GRACE_MS = 3000;

/** How the end-of-run announcement names each model. */
const MODEL_WORDS = { prior: 'base-rate prior', logistic: 'logistic regression', mlp: 'MLP' } as const;

export type TrainingStatus = 'idle' | 'running' | 'completed' | 'cancelled' | 'failed';

/**
 * Owns one train worker per run and the list of saved runs of the current snapshot. Every finished (or cancelled)
 * run is saved in IndexedDB with its weights; the selected run is the one Evaluate and Export show.
 */
export class TrainingState {
  #status = $state<TrainingStatus>('idle');
  #progress = $state.raw<TrainProgress[]>([]);
  #runs = $state.raw<RunRecord[]>([]);
  #selected = $state<string | null>(null);
  #snapshotId: string | null = null;
  #storeError = $state<string | null>(null);
  #message = $state<string | null>(null);
  #cancelling = $state(false);
  // One worker per run: a fresh one starts with the run and is terminated when it ends, freeing its GPU memory.
  readonly #worker = new WorkerClient<TrainApi>(() => new Worker(new URL('../workers/train.worker.ts', import.meta.url), { type: 'module' }), {
    heartbeat: { silenceMs: HEARTBEAT_SILENCE_MS },
  });
  #run: { abort: AbortController } | null = null;
  #interrupted = $state.raw<InterruptedRun[]>([]);

  /** `onInterrupted` gets the config of a run this tab was training when it reloaded, to put back into the form. */
  constructor(onInterrupted: (config: RunConfig) => void = () => {}) {
    const lost = takeInterrupted();
    if (lost) onInterrupted(lost.config);
  }

  /** Runs of the current snapshot that were training when their page reloaded; shown as "interrupted". */
  get interrupted(): readonly InterruptedRun[] { return this.#interrupted; }

  removeInterrupted(id: string): void {
    deleteInterrupted(id);
    this.#interrupted = this.#interrupted.filter((r) => r.id !== id);
  }

  get status(): TrainingStatus { return this.#status; }
  get progress(): readonly TrainProgress[] { return this.#progress; }
  get runs(): readonly RunRecord[] { return this.#runs; }
  get selectedId(): string | null { return this.#selected; }
  get storeError(): string | null { return this.#storeError; }
  get selectedRun(): RunRecord | null { return this.#runs.find((r) => r.id === this.#selected) ?? null; }
  get outcome(): TrainOutcome | null { return this.selectedRun?.outcome ?? null; }
  /** The data contract the shown outcome was trained under (roles, split, dismissals), for the bundle. */
  get dataContract(): DataContract | null { return this.selectedRun?.dataContract ?? null; }

  /** Shows the saved runs of a snapshot (the last one selected); called whenever the snapshot changes. */
  async showRunsOf(snapshotId: string | null): Promise<void> {
    if (snapshotId === this.#snapshotId) return;
    this.#snapshotId = snapshotId;
    const runs = snapshotId ? await loadRuns(snapshotId) : [];
    if (this.#snapshotId !== snapshotId) return;
    this.#runs = runs;
    this.#interrupted = snapshotId ? loadInterrupted(snapshotId) : [];
    this.#selected = runs.at(-1)?.id ?? null;
    if (!this.running) this.#status = runs.length ? (runs.at(-1)?.outcome.status ?? 'idle') : 'idle';
  }

  select(id: string): void {
    if (this.#runs.some((r) => r.id === id)) this.#selected = id;
  }

  async remove(id: string): Promise<void> {
    // The row leaves the table once the store has dropped it, so a reload right after can never bring it back.
    await deleteRun(id);
    this.#runs = this.#runs.filter((r) => r.id !== id);
    if (this.#selected === id) this.#selected = this.#runs.at(-1)?.id ?? null;
  }
  /** Why the last run failed or ended without weights. */
  get message(): string | null { return this.#message; }
  get running(): boolean { return this.#status === 'running'; }
  get cancelling(): boolean { return this.#cancelling; }

  async start(snapshot: Snapshot, contract: Contract, config: RunConfig, dataContract: DataContract | null = null): Promise<void> {
    if (this.running) return;
    this.#status = 'running';
    this.#progress = [];
    this.#message = null;
    this.#cancelling = false;
    const run = { abort: new AbortController() };
    this.#run = run;
    markInFlight({ id: crypto.randomUUID(), snapshotId: snapshot.id, startedAt: new Date().toISOString(), config });
    const pending: TrainProgress[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Batch progress a few times a second so a fast optimiser cannot flood the main thread with chart re-renders.
    const onProgress = (p: TrainProgress) => {
      pending.push(p);
      timer ??= setTimeout(() => {
        timer = undefined;
        const fresh = pending.splice(0);
        // A run that restarted on another backend (its GPU was lost) counts from step 1 again: drop the old curve.
        let restart = -1;
        fresh.forEach((q, i) => {
          if (q.iteration <= (i > 0 ? fresh[i - 1].iteration : (this.#progress.at(-1)?.iteration ?? 0))) restart = i;
        });
        this.#progress = restart >= 0 ? fresh.slice(restart) : [...this.#progress, ...fresh];
      }, PROGRESS_INTERVAL_MS);
    };
    try {
      // The worker gets its own copy, transferred: posting the page's snapshot would clone it all in one long task.
      const copy = await copySnapshotInSteps(snapshot);
      const { record, storeError } = await this.#worker.call((api) => api.train(Comlink.transfer(copy, snapshotBuffers(copy)), contract, config, Comlink.proxy(onProgress), { dataContract, appVersion: __APP_VERSION__ }), run.abort.signal);
      const outcome = record.outcome;
      this.#progress = [...outcome.history];
      if (this.#snapshotId === outcome.snapshotId) {
        this.#runs = [...this.#runs, record];
        this.#selected = record.id;
      }
      this.#storeError = storeError;
      this.#status = outcome.status;
      const steps = `${outcome.iterations} ${outcome.config.model === 'mlp' ? 'epochs' : 'iterations'}`;
      announce(`Run ${outcome.status}: ${MODEL_WORDS[outcome.config.model]}, ${steps} in ${(outcome.durationMs / 1000).toFixed(1)} s.`);
    } catch (e) {
      const aborted = run.abort.signal.aborted;
      this.#message = aborted ? 'Cancelled before the first iteration finished, so there are no weights to keep.' : errorText(e);
      this.#status = aborted ? 'cancelled' : 'failed';
      announce(aborted ? 'Run cancelled before its first iteration.' : `Run failed: ${this.#message}`);
    } finally {
      // The outcome carries the full history; a batch still waiting would append duplicates after it.
      clearTimeout(timer);
      clearInFlight();
      this.#worker.terminate();
      this.#run = null;
      this.#cancelling = false;
    }
  }

  /** Asks the worker to stop after the current iteration; terminates it if it has not answered within the grace period. */
  cancel(): void {
    const run = this.#run;
    if (!run) return;
    this.#cancelling = true;
    void this.#worker.running?.cancel();
    setTimeout(() => {
      if (this.#run === run) run.abort.abort(new Error('cancelled'));
    }, CANCEL_GRACE_MS);
  }
}
