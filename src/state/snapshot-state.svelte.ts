import * as Comlink from 'comlink';
import type { LoadError, LoadResult, Snapshot } from '../core/index.ts';
import type { Sample } from '../samples.ts';
import { guardWorker } from './guard-worker.ts';
import type { ParseApi } from '../workers/protocol.ts';

/** Owns the parse worker and the loaded snapshot. A failed load sets `error` and leaves the previous snapshot in place. */
export class SnapshotState {
  #snapshot = $state.raw<Snapshot | null>(null);
  #error = $state.raw<LoadError | null>(null);
  #loading = $state<string | null>(null);
  #loadMs = $state<number | null>(null);
  #worker: { raw: Worker; api: Comlink.Remote<ParseApi> } | null = null;

  get snapshot(): Snapshot | null { return this.#snapshot; }
  get error(): LoadError | null { return this.#error; }
  /** Name of the file being parsed, or null when idle. */
  get loading(): string | null { return this.#loading; }
  get loadMs(): number | null { return this.#loadMs; }

  #spawn(): { raw: Worker; api: Comlink.Remote<ParseApi> } {
    if (!this.#worker) {
      const raw = new Worker(new URL('../workers/parse.worker.ts', import.meta.url), { type: 'module' });
      this.#worker = { raw, api: Comlink.wrap<ParseApi>(raw) };
    }
    return this.#worker;
  }

  async loadFile(file: File): Promise<void> {
    await this.#load(file.name, () => file.arrayBuffer());
  }

  async loadUrl(url: string, fileName: string): Promise<void> {
    await this.#load(fileName, async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`Could not fetch ${fileName}: HTTP ${response.status}`);
      return response.arrayBuffer();
    });
  }

  /** Loads one of the shipped samples from public/samples. */
  async loadSample(sample: Sample): Promise<void> {
    await this.loadUrl(`${import.meta.env.BASE_URL}samples/${sample.file}`, sample.file);
  }

  dismissError(): void {
    this.#error = null;
  }

  async #load(fileName: string, read: () => Promise<ArrayBuffer>): Promise<void> {
    this.#loading = fileName;
    const started = performance.now();
    try {
      const bytes = await read();
      const worker = this.#spawn();
      const result = await guardWorker<LoadResult>(worker.raw, worker.api.parse(Comlink.transfer(bytes, [bytes]), fileName));
      if (result.ok) {
        this.#snapshot = result.snapshot;
        this.#error = null;
        this.#loadMs = performance.now() - started;
      } else {
        this.#error = result.error;
      }
    } catch (e) {
      // A crashed worker is replaced on the next load; the snapshot already on screen is untouched.
      this.#worker?.raw.terminate();
      this.#worker = null;
      this.#error = { kind: 'unsupported', message: `${fileName} could not be read: ${e instanceof Error ? e.message : String(e)}`, location: {} };
    } finally {
      this.#loading = null;
    }
  }
}
