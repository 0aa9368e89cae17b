import { getContext, setContext } from 'svelte';
import { isBackendPreference, type CompactKey } from '../core/index.ts';
import { EvaluationState } from './evaluation-state.svelte.ts';
import { SetupState } from './setup-state.svelte.ts';
import { SnapshotState } from './snapshot-state.svelte.ts';
import { TrainingState } from './training-state.svelte.ts';

/** The app's state, one object per step, shared with components through context. */
export class Workspace {
  readonly data = new SnapshotState();
  readonly setup: SetupState;
  readonly training = new TrainingState();
  readonly evaluation = new EvaluationState(() => this.outcomeForSnapshot);
  compactEdits = $state<Partial<Record<CompactKey, string>>>({});

  constructor(backendParam: string | null) {
    this.setup = new SetupState(isBackendPreference(backendParam) ? backendParam : 'auto');
  }

  /** The last run, but only while it belongs to the snapshot on screen. */
  get outcomeForSnapshot() {
    const outcome = this.training.outcome;
    return outcome && outcome.snapshotId === this.data.snapshot?.id ? outcome : null;
  }
}

const KEY = Symbol('workspace');

export function provideWorkspace(workspace: Workspace): Workspace {
  return setContext(KEY, workspace);
}

export function useWorkspace(): Workspace {
  return getContext<Workspace>(KEY);
}
