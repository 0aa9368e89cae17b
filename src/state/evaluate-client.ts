import * as Comlink from 'comlink';
import type { Snapshot } from '../core/index.ts';
import type { EvaluateApi } from '../workers/protocol.ts';
import { WorkerClient } from './worker-client.ts';

/** The one evaluate worker, started on first use; every call is guarded so a crashed worker rejects instead of hanging. */
export class EvaluateClient {
  readonly #worker = new WorkerClient<EvaluateApi>(() => new Worker(new URL('../workers/evaluate.worker.ts', import.meta.url), { type: 'module' }));
  // Which worker (by start count) is fed by the parse worker's port, and which holds a copy sent from here: a worker
  // restarted after a crash holds neither.
  #fedByPort = -1;
  #sent: { worker: number; id: string } | null = null;

  /** A port for the parse worker: snapshots posted into it reach the evaluate worker without touching the page. */
  port(): MessagePort {
    const channel = new MessageChannel();
    void this.#worker.api.attach(Comlink.transfer(channel.port2, [channel.port2]));
    this.#fedByPort = this.#worker.starts;
    return channel.port1;
  }

  /**
   * Makes sure the worker holds this snapshot. Normally the parse worker delivered it already; after a restart the
   * page sends a copy (a one-off clone, only then).
   */
  async ensureSnapshot(snapshot: Snapshot): Promise<void> {
    void this.#worker.api; // started first, so `starts` names the worker that will answer
    const worker = this.#worker.starts;
    if (this.#fedByPort === worker || (this.#sent?.worker === worker && this.#sent.id === snapshot.id)) return;
    await this.call((api) => api.setSnapshot(snapshot));
    this.#sent = { worker, id: snapshot.id };
  }

  /** Runs one call on the worker; after a crash the next call starts a fresh worker. */
  call<T>(fn: (api: Comlink.Remote<EvaluateApi>) => Promise<T>): Promise<T> {
    return this.#worker.call(fn);
  }
}
