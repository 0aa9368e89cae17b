import { getContext, setContext } from 'svelte';
import { canonicalJson, isBackendPreference, type CompactKey, type TrainOutcome } from '../core/index.ts';
import { EvaluationState } from './evaluation-state.svelte.ts';
import { ContractState } from './contract-state.svelte.ts';
import { clearContracts } from './contract-store.ts';
import { clearCurrentFile, loadCurrentFile } from './file-store.ts';
import { SnapshotState } from './snapshot-state.svelte.ts';
import { TrainingState } from './training-state.svelte.ts';

/** The app's state, one object per step, shared with components through context. */
export class Workspace {
  readonly data: SnapshotState;
  readonly contract: ContractState;
  readonly training = new TrainingState();
  readonly evaluation = new EvaluationState(() => this.outcomeForSnapshot);
  #edits = $state.raw<{ outcome: TrainOutcome | null; values: Partial<Record<CompactKey, string>> }>({ outcome: null, values: {} });

  constructor(backendParam: string | null) {
    this.contract = new ContractState(isBackendPreference(backendParam) ? backendParam : 'auto');
    this.data = new SnapshotState(() => this.contract.checksPort());
  }

  /** Brings back the file loaded before the last reload (its contract follows by snapshot ID). */
  async restore(): Promise<void> {
    const file = await loadCurrentFile();
    if (file && !this.data.snapshot && !this.data.loading) await this.data.loadFile(file);
  }

  /** Forgets the stored file and every stored contract, then reloads to a blank page. */
  async clear(): Promise<void> {
    await Promise.all([clearCurrentFile(), clearContracts()]);
    location.assign(location.pathname);
  }

  /** The last run, but only while it belongs to the snapshot on screen. */
  get outcomeForSnapshot(): TrainOutcome | null {
    const outcome = this.training.outcome;
    return outcome && outcome.snapshotId === this.data.snapshot?.id ? outcome : null;
  }

  /** What the user wrote in the compact for the current run; a new run starts from fresh prefilled text. */
  get compactEdits(): Partial<Record<CompactKey, string>> {
    return this.#edits.outcome === this.outcomeForSnapshot ? this.#edits.values : {};
  }

  editCompact(key: CompactKey, value: string): void {
    this.#edits = { outcome: this.outcomeForSnapshot, values: { ...this.compactEdits, [key]: value } };
  }

  /** True when the label, features, seed or backend on screen differ from what the shown run was trained with. */
  readonly stale = $derived.by(() => {
    const outcome = this.outcomeForSnapshot;
    if (!outcome || this.contract.problem) return false;
    const current = canonicalJson({ contract: this.contract.runContract(), config: this.contract.config() });
    return current !== canonicalJson({ contract: outcome.contract, config: outcome.config });
  });
}

const KEY = Symbol('workspace');

export function provideWorkspace(workspace: Workspace): Workspace {
  return setContext(KEY, workspace);
}

export function useWorkspace(): Workspace {
  return getContext<Workspace>(KEY);
}
