import { SAMPLES } from '../samples.ts';
import { loadRuns } from '../storage/run-store.ts';
import { readFacts, type LessonFacts } from './lesson-facts.ts';
import type { Workspace } from './workspace.svelte.ts';

/** The sample the lesson is written for. */
export const LESSON_SAMPLE = SAMPLES.find((s) => s.id === 'titanic') ?? SAMPLES[0];

/** What the lesson needs before its steps can read live numbers, as a state the panel shows. */
export type Readiness =
  | { readonly kind: 'ready' }
  /** Nothing loaded: the lesson loads the sample itself. */
  | { readonly kind: 'load' }
  /** Another file is on screen: loading the sample would replace it, so the learner decides. */
  | { readonly kind: 'other-data'; readonly fileName: string }
  /** No run for this snapshot: the lesson trains one itself. */
  | { readonly kind: 'train' }
  /** The checks flag features that leak the outcome: the learner decides whether the lesson's run reads them. */
  | { readonly kind: 'leaks'; readonly columns: readonly string[] }
  /** Evaluate shows a scores file: the lesson reads the selected run. */
  | { readonly kind: 'scores-file' }
  /** Waiting on something already under way; `message` says what. */
  | { readonly kind: 'wait'; readonly message: string }
  /** Something the lesson cannot fix itself; `message` says what and where. */
  | { readonly kind: 'blocked'; readonly message: string };

/** The workspace facts readiness depends on. */
export interface ReadinessInput {
  readonly fileName: string | null;
  readonly loading: string | null;
  readonly loadError: string | null;
  readonly hasRun: boolean;
  /** Whether saved runs of this snapshot exist; null while not yet looked up. */
  readonly savedRuns: boolean | null;
  readonly training: 'idle' | 'running' | 'completed' | 'cancelled' | 'failed';
  readonly trainingMessage: string | null;
  readonly contractProblem: string | null;
  /** Features with an open leakage finding; null until the checks have reported. */
  readonly leaks: readonly string[] | null;
  /** Whether the learner has answered the leak question (ignored them or kept them). */
  readonly leaksDecided: boolean;
  readonly source: 'run' | 'file';
}

/** Decides what the lesson must wait for or do next; pure over the workspace's facts. */
export function lessonReadiness(s: ReadinessInput): Readiness {
  if (s.loading) return { kind: 'wait', message: `Loading ${s.loading}…` };
  if (!s.fileName) return s.loadError ? { kind: 'blocked', message: `The sample could not be loaded: ${s.loadError}` } : { kind: 'load' };
  if (s.fileName !== LESSON_SAMPLE.file) return { kind: 'other-data', fileName: s.fileName };
  if (s.hasRun) return s.source === 'run' ? { kind: 'ready' } : { kind: 'scores-file' };
  if (s.training === 'running') return { kind: 'wait', message: 'Training a model on the sample (a few seconds)…' };
  if (s.training === 'failed') return { kind: 'blocked', message: `Training failed: ${s.trainingMessage ?? 'no reason given'} Press Train in the Train step to try again.` };
  if (s.savedRuns === null || s.savedRuns) return { kind: 'wait', message: 'Looking for saved runs of the sample…' };
  if (s.contractProblem === 'Profiling the snapshot…') return { kind: 'wait', message: 'Profiling the sample…' };
  if (s.contractProblem) return { kind: 'blocked', message: `Training cannot start yet: ${s.contractProblem} Fix it in the Contract step, then come back.` };
  if (s.leaks === null) return { kind: 'wait', message: 'Checking the sample for leaks…' };
  if (s.leaks.length > 0 && !s.leaksDecided) return { kind: 'leaks', columns: s.leaks };
  return { kind: 'train' };
}

/**
 * Gets the workspace ready for the lesson (the sample loaded, a run trained) and reads its live numbers. It acts only
 * where nothing of the user's would change: it loads the sample only onto an empty page and trains only when the
 * sample has no run.
 */
export class LessonSetup {
  readonly #ws: Workspace;
  // Snapshot ID → whether it has saved runs, looked up once per snapshot.
  #saved = $state<{ id: string; any: boolean } | null>(null);
  #started = new Set<string>();
  #leaksDecided = $state(false);

  constructor(ws: Workspace) {
    this.#ws = ws;
  }

  readonly readiness: Readiness = $derived.by(() => {
    const ws = this.#ws;
    const id = ws.data.snapshot?.id ?? null;
    return lessonReadiness({
      fileName: ws.data.snapshot?.fileName ?? null, loading: ws.data.loading, loadError: ws.data.error?.message ?? null,
      hasRun: ws.outcomeForSnapshot !== null, savedRuns: this.#saved && this.#saved.id === id ? this.#saved.any : null,
      training: ws.training.status, trainingMessage: ws.training.message, contractProblem: ws.contract.problem, source: ws.evaluation.source,
      leaks: this.#leaks, leaksDecided: this.#leaksDecided,
    });
  });

  /** Features with an open (not passing, not dismissed) leakage finding; null until the checks report. */
  readonly #leaks: readonly string[] | null = $derived.by(() => {
    const c = this.#ws.contract.contract;
    const r = this.#ws.contract.report;
    if (!c || !r) return null;
    const open = r.leakage.filter((f) => f.status !== 'pass' && f.column && c.roles[f.column] === 'feature' && !c.dismissed.some((d) => d.findingId === f.id));
    return [...new Set(open.map((f) => f.column as string))];
  });

  /** Columns the lesson may offer to slice by: neither the label nor PII. */
  readonly #sliceColumns = $derived.by(() => {
    const c = this.#ws.contract.contract;
    return (this.#ws.data.snapshot?.columns ?? []).map((col) => col.name).filter((n) => n !== c?.label && c?.roles[n] !== 'pii');
  });

  /** The live numbers, while the lesson is ready. */
  readonly facts: LessonFacts | null = $derived.by(() => (this.readiness.kind === 'ready' ? readFacts(this.#ws, this.#sliceColumns) : null));

  /** Does the next thing readiness asks for, once per snapshot: loads the sample, looks up saved runs, trains. */
  async step(): Promise<void> {
    const ws = this.#ws;
    const r = this.readiness;
    const id = ws.data.snapshot?.id ?? null;
    if (r.kind === 'load' && !this.#started.has('load')) {
      this.#started.add('load');
      await ws.data.loadSample(LESSON_SAMPLE);
    } else if (id && this.#saved?.id !== id && !this.#started.has(`runs:${id}`)) {
      this.#started.add(`runs:${id}`);
      const runs = await loadRuns(id);
      this.#saved = { id, any: runs.length > 0 };
    } else if (r.kind === 'train' && id && ws.data.snapshot && !this.#started.has(`train:${id}`)) {
      this.#started.add(`train:${id}`);
      await ws.training.start(ws.data.snapshot, ws.contract.runContract(), ws.runConfig(), ws.contract.lockGatesForRun());
    }
  }

  /** Replaces the file on screen with the sample, at the learner's request. */
  async loadSample(): Promise<void> {
    await this.#ws.data.loadSample(LESSON_SAMPLE);
  }

  /** Answers the leak question: with `ignore`, the flagged features get the role "ignore" before the lesson trains. */
  decideLeaks(ignore: boolean): void {
    if (ignore) for (const column of this.#leaks ?? []) this.#ws.contract.setRole(column, 'ignore');
    this.#leaksDecided = true;
  }

  /** Shows the selected run in Evaluate instead of a scores file, at the learner's request. */
  showRun(): void {
    this.#ws.evaluation.setSource('run');
  }

  /** Adds `column` to the report's slices, at the learner's request. */
  sliceBy(column: string): void {
    const settings = this.#ws.evaluation.settings;
    if (!settings.columns.includes(column)) settings.columns = [...settings.columns, column];
  }
}
