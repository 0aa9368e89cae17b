/** Outcome of one check: pass, warn (look at it) or fail (blocks training). */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/**
 * One validation or leakage result. `id` is stable across runs for the same check and column (e.g.
 * `leak:single-feature:boat`) so a dismissal recorded in the contract keeps applying.
 */
export interface Finding {
  readonly id: string;
  readonly check: string;
  readonly status: CheckStatus;
  /** The column concerned, when there is one. */
  readonly column?: string;
  /** One sentence: what was found. */
  readonly message: string;
  /** The numbers behind it, e.g. "AUC 0.99 on 785 training rows". */
  readonly evidence?: string;
  /** What to do about it. */
  readonly suggestion?: string;
  /** How many rows are affected, when that is meaningful. */
  readonly count?: number;
  /**
   * A warn for a strong but plausible signal: the user confirms it is known at prediction time with one click, no
   * typed reason, unless other evidence (timing, pattern, name) raised it to a plain warn or fail.
   */
  readonly strongSignal?: boolean;
  /** Up to 5 example rows, 0-based data rows of the snapshot. */
  readonly exampleRows?: readonly number[];
}
