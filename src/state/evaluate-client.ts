import * as Comlink from 'comlink';
import type { Snapshot } from '../core/index.ts';
import type { EvaluateApi } from '../workers/protocol.ts';
import { guardWorker } from './guard-worker.ts';

/** The one evaluate worker, started on first use; every call is guarded so a crashed worker rejects instead of hanging. */
export class EvaluateClient {
  #raw: Worker | null = null;
  #api: Comlink.Remote<EvaluateApi> | null = null;
  // Whether the running worker is fed by the parse worker's port; a worker restarted after a crash is not.
  #fedByPort = false;
  #sent: string | null = null;

  #ensure(): { raw: Worker; api: Comlink.Remote<EvaluateApi> } {
    if (!this.#raw || !this.#api) {
      this.#raw = new Worker(new URL('../workers/evaluate.worker.ts', import.meta.url), { type: 'module' });
      this.#api = Comlink.wrap<EvaluateApi>(this.#raw);
    }
    return { raw: this.#raw, api: this.#api };
  }

  /** A port for the parse worker: snapshots posted into it reach the evaluate worker without touching the page. */
  port(): MessagePort {
    const { api } = this.#ensure();
    const channel = new MessageChannel();
    void api.attach(Comlink.transfer(channel.port2, [channel.port2]));
    this.#fedByPort = true;
    return channel.port1;
  }

  /**
   * Makes sure the worker holds this snapshot. Normally the parse worker delivered it already; after a restart the
   * page sends a copy (a one-off clone, only then).
   */
  async ensureSnapshot(snapshot: Snapshot): Promise<void> {
    if (this.#fedByPort || this.#sent === snapshot.id) return;
    await this.call((api) => api.setSnapshot(snapshot));
    this.#sent = snapshot.id;
  }

  /** Runs one call on the worker; after a crash the next call starts a fresh worker. */
  async call<T>(fn: (api: Comlink.Remote<EvaluateApi>) => Promise<T>): Promise<T> {
    const { raw, api } = this.#ensure();
    try {
      return await guardWorker(raw, fn(api));
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('The background worker failed')) {
        raw.terminate();
        this.#raw = null;
        this.#api = null;
        this.#fedByPort = false;
        this.#sent = null;
      }
      throw e;
    }
  }
}
