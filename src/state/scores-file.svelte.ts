import { chooseThreshold, errorText, thresholdSweep, type BinaryReport, type EvaluationReport, type ScoredRows, type ScoresTableSpec, type Sweep, type ThresholdStrategy } from '../core/index.ts';
import type { EvaluateSettings, ScoresFileInfo } from '../workers/protocol.ts';
import type { EvaluateClient } from './evaluate-client.ts';
import type { EvaluationSubject } from './run-evaluation.svelte.ts';
import { ThresholdDecision } from './threshold-decision.svelte.ts';

/** Column names that look like a label, and like a score (tried in this order when a file is loaded). */
const LABEL_NAME = /^(label|y|target|actual)$/i;
const SCORE_NAME = /score|prob|pred/i;

/**
 * A scores CSV the user loaded to evaluate without training: its columns, the label/score/positive picks, the rows
 * once evaluated, and its own threshold decision (chosen on its own rows: it has no validation split).
 */
export class ScoresFile {
  readonly decision = new ThresholdDecision();
  info = $state.raw<ScoresFileInfo | null>(null);
  error = $state<string | null>(null);
  label = $state('');
  scores = $state<string[]>([]);
  positive = $state('');
  #scored = $state.raw<{ scored: ScoredRows; sorted: { sweep: Sweep; base: BinaryReport }; classes: readonly string[] | null; positive: string; spec: ScoresTableSpec; fileName: string; columns: readonly string[] } | null>(null);
  readonly #client: EvaluateClient;

  constructor(client: EvaluateClient) {
    this.#client = client;
  }

  /** Columns of the evaluated file that may be sliced and clustered: all but its label, score and PII-looking columns. */
  get columns(): readonly string[] { return this.#scored?.columns ?? []; }

  /** The evaluated rows, or null until the file is evaluated. */
  readonly subject: EvaluationSubject | null = $derived.by(() => {
    const f = this.#scored;
    return f ? { key: `file:${f.fileName}:${f.scored.scores.length}`, name: f.fileName, evaluated: f.scored, positive: f.positive, classes: f.classes, sorted: f.sorted } : null;
  });

  /** Loads a scores CSV into the worker, lists its columns and guesses the label and score columns by name. */
  async load(file: File): Promise<void> {
    this.error = null;
    try {
      const result = await this.#client.call((api) => api.loadScoresFile(file));
      if (!result.info) { this.error = result.message; return; }
      this.info = result.info;
      const names = result.info.columns.map((c) => c.name);
      this.label = names.find((n) => LABEL_NAME.test(n)) ?? names[0] ?? '';
      const score = names.find((n) => SCORE_NAME.test(n) && n !== this.label);
      this.scores = score ? [score] : [];
      this.positive = '';
    } catch (e) {
      this.error = errorText(e);
    }
  }

  /**
   * Evaluates the file with the chosen columns at the default threshold (the decision starts over); answers the
   * full report, or null with `error` set (naming the line and column). `settings` picks slices over the given columns.
   */
  async evaluate(settings: (columns: readonly string[]) => EvaluateSettings): Promise<EvaluationReport | null> {
    this.error = null;
    try {
      const spec: ScoresTableSpec = { label: this.label, scores: [...this.scores], ...(this.positive ? { positive: this.positive } : {}) };
      const pii = new Set(this.info?.pii ?? []);
      const columns = (this.info?.columns ?? []).map((c) => c.name).filter((n) => n !== spec.label && !spec.scores.includes(n) && !pii.has(n));
      const result = await this.#client.call((api) => api.reportFile(spec, { kind: 'fixed', value: 0.5 }, settings(columns), true));
      this.#scored = { scored: result.scored, sorted: { sweep: result.sweep, base: result.base }, classes: result.classes, positive: result.positive, spec, fileName: this.info?.fileName ?? 'scores', columns };
      this.decision.adopt(null);
      return result.report;
    } catch (e) {
      this.error = errorText(e);
      return null;
    }
  }

  /** The full report again, at the decision's strategy; null before the file is evaluated. */
  async report(settings: EvaluateSettings): Promise<EvaluationReport | null> {
    const f = this.#scored;
    if (!f) return null;
    return (await this.#client.call((api) => api.reportFile(f.spec, this.decision.activeStrategy(), settings, false))).report;
  }

  /** Chooses the file's threshold on its own rows; throws a plain message when the strategy cannot. */
  choose(strategy: ThresholdStrategy): void {
    const s = this.subject;
    if (!s) return;
    this.decision.adopt(chooseThreshold(s.sorted?.sweep ?? thresholdSweep(s.evaluated.scores, s.evaluated.labels), strategy, 'input'));
  }
}
