import * as Comlink from 'comlink';
import { errorText, DEFAULT_MISSING_TOKENS, type LoadError, type LoadResult, type Snapshot } from '../core/index.ts';
import type { Sample } from '../samples.ts';
import type { LoadProgress, ParseApi } from '../workers/protocol.ts';
import { announce } from './announcer.svelte.ts';
import { saveCurrentFile } from './file-store.ts';
import { WorkerClient } from './worker-client.ts';

/** Owns the parse worker and the loaded snapshot. A failed or cancelled load leaves the previous snapshot in place. */
export class SnapshotState {
  #snapshot = $state.raw<Snapshot | null>(null);
  #file = $state.raw<File | null>(null);
  #error = $state.raw<LoadError | null>(null);
  #loading = $state<string | null>(null);
  #progress = $state.raw<LoadProgress | null>(null);
  #loadMs = $state<number | null>(null);
  #missingTokens = $state.raw<readonly string[]>(DEFAULT_MISSING_TOKENS);
  readonly #worker: WorkerClient<ParseApi>;

  /** `ports` hands each new parse worker ports to the workers that want every snapshot (see `ParseApi.connect`). */
  constructor(ports?: () => MessagePort[]) {
    this.#worker = new WorkerClient<ParseApi>(() => new Worker(new URL('../workers/parse.worker.ts', import.meta.url), { type: 'module' }), {
      onStart: (api) => { for (const port of ports?.() ?? []) void api.connect(Comlink.transfer(port, [port])); },
    });
  }

  get snapshot(): Snapshot | null { return this.#snapshot; }
  get error(): LoadError | null { return this.#error; }
  /** Name of the file being parsed, or null when idle. */
  get loading(): string | null { return this.#loading; }
  get progress(): LoadProgress | null { return this.#progress; }
  get loadMs(): number | null { return this.#loadMs; }
  /** Cell values read as missing for the current snapshot. */
  get missingTokens(): readonly string[] { return this.#missingTokens; }

  async loadFile(file: File): Promise<void> {
    await this.#load(file, this.#missingTokens);
  }

  async loadUrl(url: string, fileName: string): Promise<void> {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await this.#load(new File([await response.blob()], fileName, { type: 'text/csv' }), this.#missingTokens);
    } catch (e) {
      this.#error = { kind: 'unsupported', message: `${fileName} could not be fetched: ${errorText(e)}`, location: {} };
    }
  }

  /** Loads one of the shipped samples from public/samples. */
  async loadSample(sample: Sample): Promise<void> {
    await this.loadUrl(`${import.meta.env.BASE_URL}samples/${sample.file}`, sample.file);
  }

  /** Parses the current file again with another list of missing-value tokens. */
  async setMissingTokens(tokens: readonly string[]): Promise<void> {
    if (this.#file) await this.#load(this.#file, tokens);
    else this.#missingTokens = tokens;
  }

  cancel(): void {
    void this.#worker.running?.cancel();
  }

  dismissError(): void {
    this.#error = null;
  }

  async #load(file: File, missingTokens: readonly string[]): Promise<void> {
    this.#loading = file.name;
    this.#progress = { bytes: 0, total: file.size, rows: 0 };
    const started = performance.now();
    try {
      const onProgress = Comlink.proxy((p: LoadProgress) => { this.#progress = p; });
      const result = await this.#worker.call<LoadResult>((api) => api.parseFile(file, { missingTokens: [...missingTokens] }, onProgress));
      if (result.ok) {
        this.#snapshot = result.snapshot;
        if (this.#file !== file) void saveCurrentFile(file);
        this.#file = file;
        this.#missingTokens = missingTokens;
        this.#error = null;
        this.#loadMs = performance.now() - started;
        announce(`Loaded ${file.name}: ${result.snapshot.rowCount.toLocaleString('en')} rows × ${result.snapshot.columns.length} columns`);
      } else {
        this.#error = result.error;
        announce(`${file.name} was not loaded: ${result.error.message}`);
      }
    } catch (e) {
      // A crashed worker is replaced on the next load; the snapshot already on screen is untouched.
      this.#error = { kind: 'unsupported', message: `${file.name} could not be read: ${errorText(e)}`, location: {} };
    } finally {
      this.#loading = null;
      this.#progress = null;
    }
  }
}
