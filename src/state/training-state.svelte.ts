import * as Comlink from 'comlink';
import type { Contract, RunConfig, Snapshot, TrainOutcome, TrainProgress } from '../core/index.ts';
import type { TrainApi } from '../workers/protocol.ts';

const PROGRESS_INTERVAL_MS = 250;

export type TrainingStatus = 'idle' | 'running' | 'completed' | 'cancelled' | 'failed';

/** Owns one train worker per run; streams progress and keeps the last finished outcome until a new run finishes. */
export class TrainingState {
  #status = $state<TrainingStatus>('idle');
  #progress = $state.raw<TrainProgress[]>([]);
  #outcome = $state.raw<TrainOutcome | null>(null);
  #error = $state<string | null>(null);
  #cancelling = $state(false);
  #worker: Worker | null = null;
  #api: Comlink.Remote<TrainApi> | null = null;

  get status(): TrainingStatus { return this.#status; }
  get progress(): readonly TrainProgress[] { return this.#progress; }
  get outcome(): TrainOutcome | null { return this.#outcome; }
  get error(): string | null { return this.#error; }
  get running(): boolean { return this.#status === 'running'; }
  get cancelling(): boolean { return this.#cancelling; }

  async start(snapshot: Snapshot, contract: Contract, config: RunConfig): Promise<void> {
    if (this.running) return;
    this.#status = 'running';
    this.#progress = [];
    this.#error = null;
    this.#cancelling = false;
    this.#worker = new Worker(new URL('../workers/train.worker.ts', import.meta.url), { type: 'module' });
    this.#api = Comlink.wrap<TrainApi>(this.#worker);
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
      const outcome = await this.#api.train(snapshot, contract, config, Comlink.proxy(onProgress));
      this.#progress = [...outcome.history];
      this.#outcome = outcome;
      this.#status = outcome.status;
    } catch (e) {
      this.#error = e instanceof Error ? e.message : String(e);
      this.#status = 'failed';
    } finally {
      // The outcome carries the full history; a batch still waiting would append duplicates after it.
      clearTimeout(timer);
      this.#worker.terminate();
      this.#worker = null;
      this.#api = null;
      this.#cancelling = false;
    }
  }

  cancel(): void {
    if (!this.#api) return;
    this.#cancelling = true;
    void this.#api.cancel();
  }

  /** Forgets the outcome, e.g. when a different snapshot is loaded. */
  reset(): void {
    if (this.running) return;
    this.#outcome = null;
    this.#progress = [];
    this.#status = 'idle';
  }
}
