import { getContext, setContext } from 'svelte';
import { canonicalJson, createRunConfig, isBackendPreference, MAX_CLASSES, type CompactKey, type RunConfig, type TrainOutcome } from '../core/index.ts';
import { EvaluationState } from './evaluation-state.svelte.ts';
import { GatesState } from './gates-state.svelte.ts';
import { ContractState } from './contract-state.svelte.ts';
import { Drafts } from './drafts.svelte.ts';
import { ExportState } from './export-state.svelte.ts';
import { ModelSettings } from './model-settings.svelte.ts';
import { loadCurrentFile } from './file-store.ts';
import { clearInterrupted } from './interrupted-runs.ts';
import { clearAll } from '../storage/app-db.ts';
import { SnapshotState } from './snapshot-state.svelte.ts';
import { TrainingState } from './training-state.svelte.ts';

/** The app's state, one object per step, shared with components through context. */
export class Workspace {
  readonly data: SnapshotState;
  readonly contract: ContractState;
  readonly model = new ModelSettings();
  readonly training = new TrainingState((config) => this.model.apply(config));
  readonly evaluation = new EvaluationState(() => this.outcomeForSnapshot, () => (this.outcomeForSnapshot ? this.training.selectedId : null), () => this.data.snapshot, () => this.#outcomeWords());
  /** The promotion-gate verdict of the run on screen (Evaluate shows it, Export writes it). */
  readonly gates = new GatesState({
    contract: () => this.contract.contract, checks: () => this.contract.report, outcome: () => this.outcomeForSnapshot,
    selected: () => this.training.selectedRun, runs: () => this.training.runs, threshold: () => this.evaluation.run.decision.threshold, snapshot: () => this.data.snapshot,
  });
  /** The Export step's form, ledger draft and last exported bundle. */
  readonly exports = new ExportState();
  /** Half-filled forms of steps that are not on screen. */
  readonly drafts = new Drafts();
  #edits = $state.raw<{ outcome: TrainOutcome | null; values: Partial<Record<CompactKey, string>> }>({ outcome: null, values: {} });

  constructor(backendParam: string | null) {
    this.contract = new ContractState(isBackendPreference(backendParam) ? backendParam : 'auto');
    this.data = new SnapshotState(() => [this.contract.checksPort(), this.evaluation.client.port()]);
  }

  /** The config the next run would use: seed, backend and split from the contract step, model from the Train step. */
  runConfig(): RunConfig {
    return createRunConfig({
      seed: this.contract.seed, backend: this.contract.backend, split: this.contract.contract?.split,
      model: this.model.model, hyperparameters: this.model.hyperparameters(), classWeight: this.model.classWeight,
      task: this.contract.classes.length > 2 && this.contract.classes.length <= MAX_CLASSES ? this.model.task : 'binary',
    });
  }

  /** Brings back the file loaded before the last reload (its contract follows by snapshot ID). */
  async restore(): Promise<void> {
    const file = await loadCurrentFile();
    if (file && !this.data.snapshot && !this.data.loading) await this.data.loadFile(file);
  }

  /** Forgets everything stored (file, contracts, runs, thresholds, calibration), then reloads to a blank page. */
  async clear(): Promise<void> {
    clearInterrupted();
    await clearAll();
    location.assign(location.pathname);
  }

  /** The last run, but only while it belongs to the snapshot on screen. */
  get outcomeForSnapshot(): TrainOutcome | null {
    const outcome = this.training.outcome;
    return outcome && outcome.snapshotId === this.data.snapshot?.id ? outcome : null;
  }

  // The contract's words for the run's outcomes: the current contract's while it still names the run's label and
  // positive class (a rename needs no retraining), else those of the contract the run was trained under.
  #outcomeWords(): { positive: string; negative: string } | null {
    const run = this.outcomeForSnapshot?.contract;
    const current = this.contract.contract;
    if (run && current && current.label === run.label && current.positiveClass === run.positiveClass) return current.outcomeNames ?? null;
    return this.training.dataContract?.outcomeNames ?? null;
  }

  /** What the user wrote in the compact for the current run; a new run starts from fresh prefilled text. */
  get compactEdits(): Partial<Record<CompactKey, string>> {
    return this.#edits.outcome === this.outcomeForSnapshot ? this.#edits.values : {};
  }

  editCompact(key: CompactKey, value: string): void {
    this.#edits = { outcome: this.outcomeForSnapshot, values: { ...this.compactEdits, [key]: value } };
  }

  /**
   * True when the label, features, split or seed on screen differ from what the shown run was trained with. The model
   * and backend choice are left out: several runs of different models on the same data are the point of the runs list.
   */
  readonly stale = $derived.by(() => {
    const outcome = this.outcomeForSnapshot;
    if (!outcome || this.contract.problem) return false;
    const data = (contract: unknown, split: unknown, seed: number) => canonicalJson({ contract, split, seed });
    return data(this.contract.runContract(), this.contract.contract?.split, this.contract.seed) !== data(outcome.contract, outcome.config.split, outcome.config.seed);
  });
}

const KEY = Symbol('workspace');

export function provideWorkspace(workspace: Workspace): Workspace {
  return setContext(KEY, workspace);
}

export function useWorkspace(): Workspace {
  return getContext<Workspace>(KEY);
}
