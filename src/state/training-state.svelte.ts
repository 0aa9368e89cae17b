import * as Comlink from 'comlink';
import type { Contract, DataContract, RunConfig, Snapshot, TrainOutcome, TrainProgress } from '../core/index.ts';
import type { TrainApi } from '../workers/protocol.ts';
import { guardWorker } from './guard-worker.ts';

const PROGRESS_INTERVAL_MS = 250;
/** How long a cooperative cancel may take before the worker is terminated outright. */
const CANCEL_GRACE_MS = 3000;

export type TrainingStatus = 'idle' | 'running' | 'completed' | 'cancelled' | 'failed';

/** Owns one train worker per run; streams progress and keeps the last finished outcome until a new run finishes. */
export class TrainingState {
  #status = $state<TrainingStatus>('idle');
  #progress = $state.raw<TrainProgress[]>([]);
  #outcome = $state.raw<TrainOutcome | null>(null);
  #dataContract = $state.raw<DataContract | null>(null);
  #message = $state<string | null>(null);
  #cancelling = $state(false);
  #run: { api: Comlink.Remote<TrainApi>; abort: AbortController } | null = null;

  get status(): TrainingStatus { return this.#status; }
  get progress(): readonly TrainProgress[] { return this.#progress; }
  get outcome(): TrainOutcome | null { return this.#outcome; }
  /** The data contract the shown outcome was trained under (roles, split, dismissals), for the bundle. */
  get dataContract(): DataContract | null { return this.#dataContract; }
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
    const worker = new Worker(new URL('../workers/train.worker.ts', import.meta.url), { type: 'module' });
    const run = { api: Comlink.wrap<TrainApi>(worker), abort: new AbortController() };
    this.#run = run;
    const pending: TrainProgress[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Batch progress a few times a second so a fast optimiser cannot flood the main thread with chart re-renders.
    const onProgress = (p: TrainProgress) => {
      pending.push(p);
      timer ??= setTimeout(() => {
        timer = undefined;
        this.#progress = [...this.#progress, ...pending.splice(0)];
      }, PROGRESS_INTERVAL_MS);
    };
    try {
      const outcome = await guardWorker(worker, run.api.train(snapshot, contract, config, Comlink.proxy(onProgress)), run.abort.signal);
      this.#progress = [...outcome.history];
      this.#outcome = outcome;
      this.#dataContract = dataContract;
      this.#status = outcome.status;
    } catch (e) {
      const aborted = run.abort.signal.aborted;
      this.#message = aborted ? 'Cancelled before the first iteration finished, so there are no weights to keep.' : e instanceof Error ? e.message : String(e);
      this.#status = aborted ? 'cancelled' : 'failed';
    } finally {
      // The outcome carries the full history; a batch still waiting would append duplicates after it.
      clearTimeout(timer);
      worker.terminate();
      this.#run = null;
      this.#cancelling = false;
    }
  }

  /** Asks the worker to stop after the current iteration; terminates it if it has not answered within the grace period. */
  cancel(): void {
    const run = this.#run;
    if (!run) return;
    this.#cancelling = true;
    void run.api.cancel();
    setTimeout(() => {
      if (this.#run === run) run.abort.abort(new Error('cancelled'));
    }, CANCEL_GRACE_MS);
  }
}
