/** One row of a later labels file: its entity key, its event time (or null), and the label text as written. */
export interface LabelRecord {
  readonly key: string;
  readonly time: string | null;
  readonly label: string;
}

/** Thrown when a labels file cannot be joined; the message names the file and row. */
export class LabelJoinError extends Error {}

/**
 * Reads a label cell as 1 (positive class), 0 (any other known class) or null (missing: the label has not arrived).
 * `classes` are the bundle's label values; an unknown value throws with `where` (e.g. "labels.csv row 4") in the message.
 */
export function labelValue(text: string, classes: readonly string[], positive: string, missingTokens: readonly string[], where: string): 0 | 1 | null {
  const t = text.trim();
  if (t === '' || missingTokens.includes(t)) return null;
  if (t === positive) return 1;
  if (classes.includes(t)) return 0;
  // Numeric labels may be written 1.0 in one file and 1 in another.
  const n = Number(t);
  if (t !== '' && Number.isFinite(n)) {
    const same = classes.find((c) => c.trim() !== '' && Number(c) === n);
    if (same !== undefined) return same === positive ? 1 : 0;
  }
  throw new LabelJoinError(`${where}: label "${t}" is none of the bundle's classes (${classes.join(', ')})`);
}

/**
 * Joins labels to scored rows by entity key, and by event time too when `times` is given (n, the rows' key and time
 * cells). Returns one label text per row, null where no label row matched (counted as not yet arrived, never dropped).
 * A key (+ time) that repeats in the labels file throws, naming both rows of `source` (rows numbered from 1).
 */
export function joinLabels(keys: readonly string[], times: readonly (string | null)[] | null, labels: readonly LabelRecord[], source: string): (string | null)[] {
  const byKey = new Map<string, number>();
  const joinKey = (key: string, time: string | null) => (times ? `${key.trim()}\u0000${(time ?? '').trim()}` : key.trim());
  labels.forEach((l, i) => {
    if (l.key.trim() === '') throw new LabelJoinError(`${source} row ${i + 1}: the key is empty`);
    const k = joinKey(l.key, l.time);
    const first = byKey.get(k);
    if (first !== undefined) throw new LabelJoinError(`${source} row ${i + 1}: key "${l.key.trim()}"${times ? ` at ${l.time ?? ''}` : ''} repeats (first on row ${first + 1})`);
    byKey.set(k, i);
  });
  return keys.map((key, r) => {
    const i = byKey.get(joinKey(key, times ? times[r] ?? null : null));
    return i === undefined ? null : (labels[i] as LabelRecord).label;
  });
}
