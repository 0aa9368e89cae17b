import * as Comlink from 'comlink';
import { DEFAULT_BUNDLE_LIMITS, errorText, judgeTriggers, shadowEntry, type LedgerEntry } from '../core/index.ts';
import { commitLedgerEntry } from '../storage/ledger-store.ts';
import type { ShadowApi, ShadowOptions, ShadowOutcome, ShadowProgress, ShadowResult, ShadowZip } from '../workers/shadow.worker.ts';
import { defaultTriggerRows, parseCosts, triggersFromRows, type TriggerRow } from './shadow-form.ts';
import { WorkerClient } from './worker-client.ts';

/** The worker's outcome, as the shadow components show it. */
export type { ShadowOutcome } from '../workers/shadow.worker.ts';

/** Which bundle slot a zip fills. */
export type ShadowSlot = 'champion' | 'candidate';

/**
 * A shadow comparison on the page: the two bundles, the snapshot (and labels), the report options, the rollback
 * triggers as edited, and the decision recorded in the ledger. Scoring runs in the shadow worker, which keeps the
 * scores, so changing the slice or the costs reports again without scoring again.
 */
export class ShadowComparison {
  champion = $state.raw<ShadowZip | null>(null);
  candidate = $state.raw<ShadowZip | null>(null);
  snapshot = $state.raw<File | null>(null);
  labels = $state.raw<File | null>(null);
  /** Join key of the labels file; blank for the candidate's entity key. */
  key = $state('');
  slice = $state('');
  costFp = $state<string | number>(1);
  costFn = $state<string | number>(1);
  seed = $state(0);
  triggerRows = $state<TriggerRow[]>(defaultTriggerRows());
  running = $state(false);
  progress = $state.raw<ShadowProgress | null>(null);
  error = $state<string | null>(null);
  outcome = $state.raw<ShadowOutcome | null>(null);
  /** The ledger entry of the last decision recorded on this outcome. */
  recorded = $state.raw<LedgerEntry | null>(null);
  readonly #worker = new WorkerClient<ShadowApi>(() => new Worker(new URL('../workers/shadow.worker.ts', import.meta.url), { type: 'module' }));
  #abort: AbortController | null = null;

  readonly triggers = $derived(triggersFromRows(this.triggerRows));
  readonly costs = $derived(parseCosts(this.costFp, this.costFn));
  /** The triggers judged on the outcome's live figures; null before a comparison or while a trigger row is invalid. */
  readonly judged = $derived(this.outcome && this.triggers.ok ? judgeTriggers(this.triggers.triggers, this.outcome.result.live) : null);

  get ready(): boolean {
    return this.champion !== null && this.candidate !== null && this.snapshot !== null && !this.running;
  }

  /** Fills a bundle slot from a picked file (checked in the worker by the same safe import as opening a bundle). */
  async pick(slot: ShadowSlot, file: File): Promise<void> {
    // As when opening a bundle: a file larger than a bundle may hold is never read in.
    if (file.size > DEFAULT_BUNDLE_LIMITS.maxTotalBytes + 1024 * 1024) {
      this.error = `${file.name} is ${(file.size / 1048576).toFixed(0)} MB, over the ${DEFAULT_BUNDLE_LIMITS.maxTotalBytes / 1048576} MB a bundle may hold`;
      return;
    }
    this.error = null;
    const zip = { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
    this[slot] = zip;
    this.outcome = null;
  }

  use(slot: ShadowSlot, zip: ShadowZip | null): void {
    this[slot] = zip;
    this.outcome = null;
  }

  #options(): ShadowOptions | null {
    if (!this.costs.ok) {
      this.error = this.costs.message;
      return null;
    }
    return { slice: this.slice || null, costs: this.costs.costs, seed: this.seed };
  }

  #take(result: ShadowResult): void {
    if (result.ok) {
      this.outcome = result.outcome;
      this.recorded = null;
    } else {
      this.error = result.message;
    }
  }

  /** Scores the snapshot with both bundles in the worker and reports; Cancel stops it and keeps nothing. */
  async compare(): Promise<void> {
    const { champion, candidate, snapshot } = this;
    const options = this.#options();
    if (!champion || !candidate || !snapshot || !options) return;
    this.running = true;
    this.error = null;
    this.outcome = null;
    this.progress = null;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const request = { champion: { ...champion, bytes: champion.bytes.slice() }, candidate: { ...candidate, bytes: candidate.bytes.slice() }, snapshot, labels: this.labels, key: this.key.trim() || null };
      const onProgress = Comlink.proxy((p: ShadowProgress) => { this.progress = p; });
      this.#take(await this.#worker.call<ShadowResult>((api) => api.compare(request, options, onProgress), abort.signal));
    } catch (e) {
      this.error = abort.signal.aborted ? 'Comparison cancelled; nothing was kept.' : `The comparison failed: ${errorText(e)}`;
    } finally {
      this.running = false;
      this.#abort = null;
    }
  }

  cancel(): void {
    this.#abort?.abort(new Error('cancelled'));
  }

  /** Reports again on the scores the worker kept, with the slice and costs as they are now edited. */
  async refresh(): Promise<void> {
    const options = this.#options();
    if (!this.outcome || !options) return;
    this.error = null;
    try {
      this.#take(await this.#worker.call<ShadowResult>((api) => api.report(options)));
    } catch (e) {
      this.error = `The report could not be made: ${errorText(e)}`;
    }
  }

  /** Commits the decision on the current outcome to the ledger, with its figures and the triggers as judged. */
  async record(decision: 'keep-candidate' | 'rollback', reason = ''): Promise<LedgerEntry | null> {
    const o = this.outcome;
    if (!o) return null;
    this.error = null;
    try {
      const draft = shadowEntry({
        champion: o.champion, candidate: o.candidate, snapshot: { fileName: o.snapshot.fileName, rows: o.snapshot.rows }, report: o.result.report,
        slice: o.result.report.by_slice ? this.slice || null : null, verdicts: this.judged?.verdicts ?? [], decision, reason,
      });
      const entry = (await commitLedgerEntry(draft, new Date().toISOString())).at(-1) as LedgerEntry;
      this.recorded = entry;
      return entry;
    } catch (e) {
      this.error = `The decision was not recorded: ${errorText(e)}`;
      return null;
    }
  }
}
