import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { checkBinaryInputs, checkThreshold } from '../metrics/validate.ts';
import { sliceValues } from './slice-values.ts';

/** A column value over-represented among one kind of error. */
export interface Cluster {
  readonly column: string;
  /** The slice label (a category, a quantile bin such as "[0.5, 12.3)", "(other)" or "(missing)"). */
  readonly value: string;
  /** Error rows with this value. */
  readonly support: number;
  /** Total errors of this kind. */
  readonly errors: number;
  readonly share_errors: number;
  readonly share_all: number;
  /** share_errors / share_all: 2 means the value is twice as common among these errors as among all rows. */
  readonly lift: number;
}

/** Clusters for false positives and for false negatives, highest lift first. */
export interface ErrorClusters {
  readonly false_positives: Cluster[];
  readonly false_negatives: Cluster[];
}

/** Fewest error rows a cluster needs: below this a high lift is one or two coincidences. */
export const MIN_CLUSTER_SUPPORT = 3;
/** Share of the errors a cluster needs, so big error sets are not flooded with tiny clusters. */
export const MIN_CLUSTER_SHARE = 0.05;

/**
 * Column values most over-represented among false positives and, separately, false negatives (positive means
 * score >= threshold), compared with all evaluated rows. `rows[i]` is the snapshot row of scores[i]/labels[i].
 * Numeric/datetime columns are quantile-binned by `sliceValues` (4 bins). A cluster needs lift > 1 and support >=
 * max(3, 5% of the errors); the top `limit` are returned by lift, then support.
 *
 * The caller must pass only non-PII columns: cluster values are shown and exported verbatim.
 */
export function errorClusters(
  snapshot: Snapshot,
  columns: readonly string[],
  rows: Int32Array,
  scores: Float64Array,
  labels: Uint8Array,
  threshold: number,
  limit = 10,
): ErrorClusters {
  if (rows.length !== scores.length) throw new Error(`rows and scores must have the same length (got ${rows.length} and ${scores.length})`);
  checkBinaryInputs(scores, labels);
  checkThreshold(threshold);
  // 1 = false positive, 2 = false negative, 0 = correct.
  const kind = new Uint8Array(scores.length);
  let nFp = 0;
  let nFn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] >= threshold;
    if (flagged && labels[i] === 0) {
      kind[i] = 1;
      nFp++;
    } else if (!flagged && labels[i] === 1) {
      kind[i] = 2;
      nFn++;
    }
  }
  const fp: Cluster[] = [];
  const fn: Cluster[] = [];
  for (const name of columns) {
    const { labels: values, index } = sliceValues(columnByName(snapshot, name), rows);
    const all = new Int32Array(values.length);
    const inFp = new Int32Array(values.length);
    const inFn = new Int32Array(values.length);
    index.forEach((s, i) => {
      all[s]++;
      if (kind[i] === 1) inFp[s]++;
      else if (kind[i] === 2) inFn[s]++;
    });
    values.forEach((value, s) => {
      const cFp = candidate(name, value, inFp[s], nFp, all[s], scores.length);
      if (cFp) fp.push(cFp);
      const cFn = candidate(name, value, inFn[s], nFn, all[s], scores.length);
      if (cFn) fn.push(cFn);
    });
  }
  return { false_positives: rank(fp, limit), false_negatives: rank(fn, limit) };
}

function candidate(column: string, value: string, support: number, errors: number, count: number, n: number): Cluster | null {
  if (support === 0 || support < Math.max(MIN_CLUSTER_SUPPORT, MIN_CLUSTER_SHARE * errors)) return null;
  const shareErrors = support / errors;
  const shareAll = count / n; // > 0: the error rows with this value are among all rows
  const lift = shareErrors / shareAll;
  // Only over-representation is a cluster: a value no commoner among the errors than overall explains nothing.
  return lift > 1 ? { column, value, support, errors, share_errors: shareErrors, share_all: shareAll, lift } : null;
}

/** Sorted by lift, then support; the stable sort keeps column and slice order on full ties. */
function rank(clusters: Cluster[], limit: number): Cluster[] {
  return clusters.sort((a, b) => b.lift - a.lift || b.support - a.support).slice(0, limit);
}
