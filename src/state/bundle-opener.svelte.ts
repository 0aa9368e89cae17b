import * as Comlink from 'comlink';
import { getContext, setContext } from 'svelte';
import { DEFAULT_BUNDLE_LIMITS, errorText, pickLedgerRuns, prefillLedgerEntry, rollbackEntry, sha256Hex, type LedgerEntry, type RunRecord, type RunToCompare, type Snapshot, type TrainOutcome } from '../core/index.ts';
import { commitLedgerEntry, loadLedger } from '../storage/ledger-store.ts';
import type { ChampionScores } from '../core/scoring.ts';
import type { BundleApi, BundleView, ChampionResult, OpenBundleResult } from '../workers/bundle.worker.ts';
import { WorkerClient } from './worker-client.ts';

/** A refused bundle as the page shows it: the file, the kind of problem and the one-line reason. */
export interface BundleRefused {
  readonly fileName: string;
  readonly kind: string;
  readonly message: string;
}

/** The champion: an opened bundle scored on the current snapshot's test rows; it keeps the exact zip bytes for roll back. */
export interface Champion {
  readonly bundleId: string;
  readonly fileName: string;
  /** The zip exactly as it was opened. */
  readonly bytes: Uint8Array;
  /** Lower-case hex SHA-256 of `bytes`. */
  readonly sha256: string;
  readonly snapshotId: string;
  /** Test rows of the run it was scored against. */
  readonly testRows: number;
  readonly threshold: number;
  readonly scores: ChampionScores;
}

/** The champion as a run to compare side by side: named "champion <bundle id>", at the threshold its bundle ships. */
export function championRun(champion: Champion): RunToCompare {
  return { id: `champion:${champion.bundleId}`, name: `champion ${champion.bundleId}`, test: champion.scores.test, validation: null, strategy: { kind: 'fixed', value: champion.threshold } };
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
  champion = $state.raw<Champion | null>(null);
  championBusy = $state(false);
  championError = $state<string | null>(null);
  /** The opened zip's bytes (a copy kept before the original goes to the worker). */
  #bytes: Uint8Array | null = null;
  readonly #worker = new WorkerClient<BundleApi>(() => new Worker(new URL('../workers/bundle.worker.ts', import.meta.url), { type: 'module' }));
  #token = 0;

  /** The opened zip's bytes as opened (for the monitor's scoring worker), or null when none is open. */
  get openedBytes(): Uint8Array | null {
    return this.#bytes;
  }

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
      const kept = bytes.slice();
      const result = await this.#worker.call<OpenBundleResult>((api) => api.open(Comlink.transfer(bytes, [bytes.buffer]), file.name));
      if (token !== this.#token) return;
      if (result.ok) {
        this.opened = result.view;
        this.#bytes = kept;
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

  /**
   * Sets the opened bundle as the champion of `snapshot`: scores the test rows of `outcome` (the current run) with the
   * bundle's own preprocessing and model in the worker, rows its inference contract refuses counted and listed.
   */
  async setChampion(snapshot: Snapshot, outcome: TrainOutcome): Promise<void> {
    const view = this.opened;
    const bytes = this.#bytes;
    if (!view || !bytes) return;
    this.championBusy = true;
    this.championError = null;
    try {
      const { rows, labels } = outcome.test;
      const result = await this.#worker.call<ChampionResult>((api) => api.scoreChampion(bytes.slice(), view.fileName, { fileName: snapshot.fileName, columns: snapshot.columns }, { rows, labels }));
      if (!result.ok) {
        this.championError = `${view.fileName} cannot be the champion: ${result.message}`;
        return;
      }
      this.champion = {
        bundleId: view.summary.bundle_id, fileName: view.fileName, bytes, sha256: await sha256Hex(bytes), snapshotId: snapshot.id,
        testRows: rows.length, threshold: result.threshold, scores: result.scores,
      };
    } catch (e) {
      this.championError = `${view.fileName} could not be scored: ${errorText(e)}`;
    } finally {
      this.championBusy = false;
    }
  }

  /**
   * Records a roll back to the champion in the ledger ("keep champion", naming its bundle), measured on the current
   * runs of its snapshot; returns the committed entry. The caller ships `champion.bytes` unchanged; nothing is retrained.
   */
  async recordRollback(runs: readonly RunRecord[], selectedId: string | null, snapshot: Snapshot): Promise<LedgerEntry> {
    const champion = this.champion;
    if (!champion) throw new Error('No champion is set, so there is nothing to roll back to.');
    const own = runs.filter((r) => r.snapshotId === snapshot.id);
    const picked = pickLedgerRuns(own, selectedId);
    const baseline = picked.baseline ?? picked.candidate ?? own[0];
    if (!baseline) throw new Error('A roll back is recorded against the current runs; train one on this file first.');
    const draft = prefillLedgerEntry({
      baseline, candidate: picked.baseline ? picked.candidate : null, previous: (await loadLedger()).filter((e) => e.runs.length > 0).at(-1) ?? null, snapshot,
      strategy: { kind: 'fixed', value: 0.5 }, slice: null, bootstrap: null,
    });
    const entries = await commitLedgerEntry(rollbackEntry(draft, champion), new Date().toISOString());
    return entries.at(-1) as LedgerEntry;
  }

  /** A copy of the opened bundle's zip as it was opened (for a shadow comparison), or null. */
  openedZip(): { bytes: Uint8Array; fileName: string } | null {
    return this.opened && this.#bytes ? { bytes: this.#bytes.slice(), fileName: this.opened.fileName } : null;
  }

  /** Closes the opened bundle (and any refusal message). */
  close(): void {
    this.#token++;
    this.opening = null;
    this.opened = null;
    this.refused = null;
    this.#bytes = null;
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
