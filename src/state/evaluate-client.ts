import * as Comlink from 'comlink';
import type { EvaluateApi } from '../workers/protocol.ts';
import { guardWorker } from './guard-worker.ts';

/** The one evaluate worker, started on first use; every call is guarded so a crashed worker rejects instead of hanging. */
export class EvaluateClient {
  #raw: Worker | null = null;
  #api: Comlink.Remote<EvaluateApi> | null = null;

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
    return channel.port1;
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
      }
      throw e;
    }
  }
}
