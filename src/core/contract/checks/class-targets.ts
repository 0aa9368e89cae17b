import { headerTokens } from '../../profile/header-tokens.ts';

/** One class judged one-vs-rest: its label value and y = 1 on the snapshot rows (rowCount) that hold it. */
export interface ClassTarget {
  readonly name: string;
  readonly y: Uint8Array;
}

/** Fewest training rows of a class (and of the rest) on which a leakage check judges it; below, it says so instead. */
export const MIN_CLASS_ROWS = 10;

/** Positives of `target` among `rows`. */
export function classCount(target: ClassTarget, rows: Int32Array): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    n += target.y[row];
  }
  return n;
}

/** The targets with at least MIN_CLASS_ROWS rows in `rows` on both sides, and the names of the others with counts. */
export function judgeableTargets(targets: readonly ClassTarget[], rows: Int32Array): { judged: ClassTarget[]; tooFew: string[] } {
  const judged: ClassTarget[] = [];
  const tooFew: string[] = [];
  for (const target of targets) {
    const n = classCount(target, rows);
    if (n >= MIN_CLASS_ROWS && rows.length - n >= MIN_CLASS_ROWS) judged.push(target);
    else tooFew.push(`"${target.name}" (${n} training row${n === 1 ? '' : 's'})`);
  }
  return { judged, tooFew };
}

/** "class "sun"" when several classes are judged one-vs-rest, else "the label": how a message names what is predicted. */
export function classPhrase(target: ClassTarget, targets: readonly ClassTarget[]): string {
  return targets.length > 1 ? `class "${target.name}" (one-vs-rest)` : 'the label';
}

// Words that say a column is recorded when or after the outcome is known. Supporting evidence only, never alone.
const OUTCOME_WORDS = new Set([
  'cost', 'costs', 'repair', 'repairs', 'refund', 'refunded', 'chargeback', 'resolution', 'resolved', 'outcome', 'result',
  'status', 'closed', 'damage', 'damaged', 'died', 'death', 'survived', 'settlement', 'payout', 'recovered', 'discharge',
]);

/** The outcome-like word in a column header (e.g. "Cost: Repair" → "cost"), or null. */
export function outcomeWord(name: string): string | null {
  return headerTokens(name).find((t) => OUTCOME_WORDS.has(t)) ?? null;
}
