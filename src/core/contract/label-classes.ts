import { cellText, columnLength, type Column } from '../data/column.ts';

/** One distinct label value and how many rows carry it. */
export interface LabelClass {
  readonly value: string;
  readonly count: number;
}

/** Distinct non-missing values of a label column with their counts, most frequent first (ties by value). */
export function labelClasses(column: Column): LabelClass[] {
  const counts = new Map<string, number>();
  const n = columnLength(column);
  for (let i = 0; i < n; i++) {
    const text = cellText(column, i);
    if (text !== null) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return classesFromCounts(counts);
}

/** Label classes from counts per value (text → rows), ordered as `labelClasses` orders them. */
export function classesFromCounts(counts: ReadonlyMap<string, number>): LabelClass[] {
  return [...counts].map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const CONVENTIONAL_POSITIVE = ['1', 'true', 'yes'];

/** The default positive class: `1`, `true` or `yes` when present (case-insensitive), else the minority class. */
export function defaultPositiveClass(classes: readonly LabelClass[]): string | null {
  if (classes.length === 0) return null;
  for (const wanted of CONVENTIONAL_POSITIVE) {
    const hit = classes.find((c) => c.value.toLowerCase() === wanted);
    if (hit) return hit.value;
  }
  return classes.reduce((min, c) => (c.count < min.count || (c.count === min.count && c.value < min.value) ? c : min)).value;
}
