import { checkBinaryInputs, checkThreshold } from '../metrics/validate.ts';

/** One evaluated row, as shown in an error list. */
export interface ErrorRow {
  /** Snapshot row number. */
  readonly row: number;
  /** Position in the scores/labels arrays. */
  readonly index: number;
  readonly score: number;
  readonly label: 0 | 1;
  readonly predicted: 0 | 1;
  /** score - threshold: how far the row sits from flipping. */
  readonly margin: number;
}

/** The rows most worth reading, at most `limit` per list, with totals so a UI can say "showing 50 of 812". */
export interface ErrorLists {
  /** Negatives flagged positive, most confident (highest score) first. */
  readonly false_positives: ErrorRow[];
  /** Positives missed, lowest score first. */
  readonly false_negatives: ErrorRow[];
  /** Rows of any outcome closest to the threshold (smallest |margin|) first. */
  readonly low_confidence: ErrorRow[];
  /** Totals before the limit; low_confidence counts every evaluated row, since any row is a candidate. */
  readonly totals: { readonly false_positives: number; readonly false_negatives: number; readonly low_confidence: number };
}

/**
 * False positives, false negatives and near-threshold rows (positive means score >= threshold). `rows[i]` is the
 * snapshot row of scores[i]/labels[i]. Ties keep the earlier index first, so the lists are deterministic.
 */
export function errorLists(rows: Int32Array, scores: Float64Array, labels: Uint8Array, threshold: number, limit = 50): ErrorLists {
  if (rows.length !== scores.length) throw new Error(`rows and scores must have the same length (got ${rows.length} and ${scores.length})`);
  checkBinaryInputs(scores, labels);
  checkThreshold(threshold);
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer (got ${limit})`);
  const fps = new TopK(limit, (a, b) => cmp(scores[b], scores[a]));
  const fns = new TopK(limit, (a, b) => cmp(scores[a], scores[b]));
  const near = new TopK(limit, (a, b) => cmp(Math.abs(scores[a] - threshold), Math.abs(scores[b] - threshold)));
  let nFp = 0;
  let nFn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] >= threshold;
    if (flagged && labels[i] === 0) {
      nFp++;
      fps.offer(i);
    } else if (!flagged && labels[i] === 1) {
      nFn++;
      fns.offer(i);
    }
    near.offer(i);
  }
  const toRow = (i: number): ErrorRow => ({
    row: rows[i], index: i, score: scores[i], label: labels[i] === 1 ? 1 : 0, predicted: scores[i] >= threshold ? 1 : 0, margin: scores[i] - threshold,
  });
  return {
    false_positives: fps.items.map(toRow),
    false_negatives: fns.items.map(toRow),
    low_confidence: near.items.map(toRow),
    totals: { false_positives: nFp, false_negatives: nFn, low_confidence: scores.length },
  };
}

// Compare rather than subtract: Infinity - Infinity is NaN and would break the ordering.
function cmp(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The best `limit` indices under `compare` (negative = a before b), kept sorted. Offered in ascending index order, so
 * a tie never displaces an earlier index. O(n) for typical data instead of sorting every candidate: most offers lose
 * to the current worst and cost one comparison.
 */
class TopK {
  readonly items: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly compare: (a: number, b: number) => number,
  ) {}

  offer(i: number): void {
    const { items, limit, compare } = this;
    if (limit === 0) return;
    if (items.length === limit && compare(i, items[limit - 1]) >= 0) return;
    let at = items.length;
    while (at > 0 && compare(i, items[at - 1]) < 0) at--;
    items.splice(at, 0, i);
    if (items.length > limit) items.pop();
  }
}
