import * as Comlink from 'comlink';
import type { ChecksReport, DataContract, Snapshot } from '../core/index.ts';
import type { ChecksApi, SnapshotFacts } from '../workers/protocol.ts';
import { guardWorker } from './guard-worker.ts';

/** Facade over the checks worker: profiles once per snapshot, validation and leakage per contract revision. */
export class ChecksClient {
  #raw: Worker | null = null;
  #api: Comlink.Remote<ChecksApi> | null = null;

  #spawn(): { raw: Worker; api: Comlink.Remote<ChecksApi> } {
    if (!this.#raw || !this.#api) {
      this.#raw = new Worker(new URL('../workers/checks.worker.ts', import.meta.url), { type: 'module' });
      this.#api = Comlink.wrap<ChecksApi>(this.#raw);
    }
    return { raw: this.#raw, api: this.#api };
  }

  /** A port for the parse worker: snapshots posted into it reach the checks worker without touching the page. */
  port(): MessagePort {
    const w = this.#spawn();
    const channel = new MessageChannel();
    void w.api.attach(Comlink.transfer(channel.port2, [channel.port2]));
    return channel.port1;
  }

  /** Profiles and suggestions for a snapshot: from the copy the parse worker sent, else by sending one from here. */
  async load(snapshot: Snapshot): Promise<SnapshotFacts> {
    const w = this.#spawn();
    const direct = await this.#guard(w.raw, w.api.loadById(snapshot.id));
    return direct ?? this.#guard(w.raw, w.api.load(snapshot));
  }

  async run(contract: DataContract, seed: number): Promise<ChecksReport> {
    const w = this.#spawn();
    return this.#guard(w.raw, w.api.run(contract, seed));
  }

  async #guard<T>(raw: Worker, call: Promise<T>): Promise<T> {
    try {
      return await guardWorker(raw, call);
    } catch (e) {
      raw.terminate();
      this.#raw = null;
      this.#api = null;
      throw e;
    }
  }
}
