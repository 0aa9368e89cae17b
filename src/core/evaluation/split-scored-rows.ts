import type { ScoredRows } from './evaluation-report.ts';

/**
 * Splits scored rows in two by a test on each row's snapshot row number, keeping every aligned array (class index and
 * probabilities for multiclass) in step: e.g. a scores file's own validation rows, to choose a threshold on, and the
 * rest, to report on.
 */
export function splitScoredRows(scored: ScoredRows, inFirst: (row: number) => boolean, classes = 0): [ScoredRows, ScoredRows] {
  const parts: [number[], number[]] = [[], []];
  scored.rows.forEach((row, i) => parts[inFirst(row) ? 0 : 1].push(i));
  const take = (idx: number[]): ScoredRows => {
    const base = {
      rows: Int32Array.from(idx, (i) => scored.rows[i]),
      scores: Float64Array.from(idx, (i) => scored.scores[i]),
      labels: Uint8Array.from(idx, (i) => scored.labels[i]),
    };
    const { classIndex, probabilities } = scored;
    if (!classIndex || !probabilities || classes < 1) return base;
    const probs = new Float64Array(idx.length * classes);
    idx.forEach((i, j) => probs.set(probabilities.subarray(i * classes, i * classes + classes), j * classes));
    return { ...base, classIndex: Uint8Array.from(idx, (i) => classIndex[i]), probabilities: probs };
  };
  return [take(parts[0]), take(parts[1])];
}
