import { cellText, hasValues, type Column } from '../data/column.ts';

/** One distinct label value and how many rows carry it. */
export interface LabelClass {
  readonly value: string;
  readonly count: number;
}

// Columns are immutable once parsed, and the page asks for the label's classes from several places (the contract,
// the step facts, the matrix words): one count per column object.
const counted = new WeakMap<Column, readonly LabelClass[]>();
const SMALL = 256;

/**
 * Distinct non-missing values of a label column with their counts, most frequent first (ties by value). Counts codes
 * or float64 values in one typed pass and turns only the distinct ones into text (1M rows in a few ms, not one string
 * per row); the answer is remembered per column object.
 */
export function labelClasses(column: Column): LabelClass[] {
  const known = counted.get(column);
  if (known) return [...known];
  const counts = new Map<string, number>();
  const add = (text: string | null, count: number) => { if (text !== null && count > 0) counts.set(text, (counts.get(text) ?? 0) + count); };
  if (hasValues(column)) {
    // Keyed by the value; a row holding it gives its text (0 and -0, or two datetimes, may share one text).
    // Small non-negative integers (0/1, class codes) count in a typed array; any other value goes to the map.
    const small = new Float64Array(SMALL);
    const smallRow = new Int32Array(SMALL).fill(-1);
    const perValue = new Map<number, { row: number; count: number }>();
    const values = column.values;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      const k = v | 0;
      if (k === v && k >= 0 && k < SMALL) {
        if (small[k]++ === 0) smallRow[k] = i;
        continue;
      }
      const hit = perValue.get(v);
      if (hit) hit.count++;
      else perValue.set(v, { row: i, count: 1 });
    }
    small.forEach((count, k) => { if (count > 0) add(cellText(column, smallRow[k]), count); });
    for (const { row, count } of perValue.values()) add(cellText(column, row), count);
  } else {
    const perCode = new Float64Array(column.categories.length);
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) perCode[codes[i]]++;
    perCode.forEach((count, code) => add(column.categories[code], count));
  }
  const classes = classesFromCounts(counts);
  counted.set(column, classes);
  return [...classes];
}

/** Label classes from counts per value (text → rows), ordered as `labelClasses` orders them. */
export function classesFromCounts(counts: ReadonlyMap<string, number>): LabelClass[] {
  return [...counts].map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const CONVENTIONAL_POSITIVE = ['1', 'true', 'yes', 'positive'];

/** Fewest rows a class needs to be the default positive class: max(10 rows, 1% of labelled rows). */
export function minPositiveSupport(classes: readonly LabelClass[]): number {
  const total = classes.reduce((s, c) => s + c.count, 0);
  return Math.max(10, Math.ceil(0.01 * total));
}

/**
 * The default positive class: `1`, `true`, `yes` or `positive` when present (case-insensitive, in that order), else the
 * minority class among those with at least max(10 rows, 1%) — a one-row junk class beside real ones is never the
 * default — or the plain minority when no class has that support (a tiny file). Null without classes.
 */
export function defaultPositiveClass(classes: readonly LabelClass[]): string | null {
  if (classes.length === 0) return null;
  for (const wanted of CONVENTIONAL_POSITIVE) {
    const hit = classes.find((c) => c.value.toLowerCase() === wanted);
    if (hit) return hit.value;
  }
  const min = minPositiveSupport(classes);
  const supported = classes.filter((c) => c.count >= min);
  // A tiny file where no class has the support: the plain minority, as before (the checks then say it is too small).
  return (supported.length > 0 ? supported : classes).reduce((m, c) => (c.count < m.count || (c.count === m.count && c.value < m.value) ? c : m)).value;
}

/** Classes below the default-positive support, named with their counts (e.g. `"." (1 row)`), for a note; empty when none. */
export function tinyClasses(classes: readonly LabelClass[]): string[] {
  const min = minPositiveSupport(classes);
  return classes.filter((c) => c.count < min).map((c) => `"${c.value}" (${c.count} row${c.count === 1 ? '' : 's'})`);
}

// Headers that say "this is what we predict". Matched on the whole header or one of its words ("is_fraud", "Churn Flag").
const LABEL_WORDS = ['label', 'target', 'y', 'class', 'outcome', 'survived', 'churn', 'churned', 'default', 'defaulted', 'fraud', 'is_fraud', 'response', 'converted', 'diagnosis', 'species'];

/** Most distinct values a default label may have: a numeric column with dozens of values is a measurement, not a label. */
export const MAX_DEFAULT_LABEL_CLASSES = 20;

/**
 * The default label column: the first header that is a label-like name (label, target, y, class, outcome, survived,
 * churn, default, fraud, …), whole or as one of at most three words, with 2 to 20 distinct values; null when none
 * is, so the person is asked.
 */
export function defaultLabel(columns: readonly Pick<Column, 'name' | 'distinct'>[]): string | null {
  const words = (name: string): string[] => name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const usable = columns.filter((c) => c.distinct >= 2 && c.distinct <= MAX_DEFAULT_LABEL_CLASSES);
  return usable.find((c) => LABEL_WORDS.includes(c.name.toLowerCase().trim()))?.name
    ?? usable.find((c) => { const w = words(c.name); return w.length > 0 && w.length <= 3 && w.some((x) => LABEL_WORDS.includes(x) && x !== 'y'); })?.name
    ?? null;
}
