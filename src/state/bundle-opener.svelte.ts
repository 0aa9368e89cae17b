import * as Comlink from 'comlink';
import { getContext, setContext } from 'svelte';
import { DEFAULT_BUNDLE_LIMITS, errorText } from '../core/index.ts';
import type { BundleApi, BundleView, OpenBundleResult } from '../workers/bundle.worker.ts';
import { WorkerClient } from './worker-client.ts';

/** A refused bundle as the page shows it: the file, the kind of problem and the one-line reason. */
export interface BundleRefused {
  readonly fileName: string;
  readonly kind: string;
  readonly message: string;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** True for a file the app should open as a bundle, not parse as CSV: a `.zip` name or the zip local-header signature. */
export async function isZipFile(file: File): Promise<boolean> {
  if (/\.zip$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head.length === 4 && ZIP_SIGNATURE.every((b, i) => head[i] === b);
}

/**
 * Opens bundle zips read-only, verified in a worker. It holds only what it shows (the opened bundle or the refusal)
 * and touches nothing else in the workspace: the loaded CSV, contract and runs stay as they are.
 */
export class BundleOpener {
  /** File name being verified, or null. */
  opening = $state<string | null>(null);
  opened = $state.raw<BundleView | null>(null);
  refused = $state.raw<BundleRefused | null>(null);
  /** Milliseconds from the file being picked to the bundle shown (read, verify, re-score parity), for the bundle shown. */
  openedMs = $state<number | null>(null);
  readonly #worker = new WorkerClient<BundleApi>(() => new Worker(new URL('../workers/bundle.worker.ts', import.meta.url), { type: 'module' }));
  #token = 0;

  async open(file: File): Promise<void> {
    const token = ++this.#token;
    const started = performance.now();
    this.refused = null;
    // A zip holds at most its entries' bytes plus headers; a larger file cannot be a bundle, so it is never read in.
    if (file.size > DEFAULT_BUNDLE_LIMITS.maxTotalBytes + 1024 * 1024) {
      this.refused = { fileName: file.name, kind: 'too-large', message: `${file.name} is ${(file.size / 1048576).toFixed(0)} MB, over the ${DEFAULT_BUNDLE_LIMITS.maxTotalBytes / 1048576} MB a bundle may hold` };
      return;
    }
    this.opening = file.name;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await this.#worker.call<OpenBundleResult>((api) => api.open(Comlink.transfer(bytes, [bytes.buffer]), file.name));
      if (token !== this.#token) return;
      if (result.ok) {
        this.opened = result.view;
        this.openedMs = performance.now() - started;
      } else {
        this.refused = { fileName: file.name, kind: result.kind, message: result.message };
      }
    } catch (e) {
      if (token !== this.#token) return;
      this.refused = { fileName: file.name, kind: 'error', message: `${file.name} could not be opened: ${errorText(e)}` };
    } finally {
      if (token === this.#token) this.opening = null;
    }
  }

  /** Closes the opened bundle (and any refusal message). */
  close(): void {
    this.#token++;
    this.opening = null;
    this.opened = null;
    this.refused = null;
  }

  dismissRefusal(): void {
    this.refused = null;
  }
}

const KEY = Symbol('bundle-opener');

/** Makes one opener available to the components below (App.svelte calls this once). */
export function provideBundleOpener(opener: BundleOpener): BundleOpener {
  setContext(KEY, opener);
  return opener;
}

export function useBundleOpener(): BundleOpener {
  return getContext<BundleOpener>(KEY);
}
