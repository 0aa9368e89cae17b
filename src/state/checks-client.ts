import * as Comlink from 'comlink';
import type { ChecksReport, DataContract, Snapshot } from '../core/index.ts';
import type { ChecksApi, SnapshotFacts } from '../workers/protocol.ts';
import { WorkerClient } from './worker-client.ts';

/** Facade over the checks worker: profiles once per snapshot, validation and leakage per contract revision. */
export class ChecksClient {
  readonly #worker = new WorkerClient<ChecksApi>(() => new Worker(new URL('../workers/checks.worker.ts', import.meta.url), { type: 'module' }));

  /** A port for the parse worker: snapshots posted into it reach the checks worker without touching the page. */
  port(): MessagePort {
    const channel = new MessageChannel();
    void this.#worker.api.attach(Comlink.transfer(channel.port2, [channel.port2]));
    return channel.port1;
  }

  /** Profiles and suggestions for a snapshot: from the copy the parse worker sent, else (after a restart) by sending one from here. */
  async load(snapshot: Snapshot): Promise<SnapshotFacts> {
    const direct = await this.#worker.call((api) => api.loadById(snapshot.id));
    return direct ?? this.#worker.call((api) => api.load(snapshot));
  }

  /** Validation and leakage checks of a contract revision over the loaded snapshot. */
  run(contract: DataContract, seed: number): Promise<ChecksReport> {
    return this.#worker.call((api) => api.run(contract, seed));
  }
}
