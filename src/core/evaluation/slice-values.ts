import type { CategoricalColumn, Column, ValuesColumn } from '../data/column.ts';
import { sortFloat64 } from '../data/sort-float64.ts';
import { quantileSorted } from '../profile/quantiles.ts';

/** Slices of one column over a set of rows: `labels[s]` names slice s, `index[i]` is the slice of `rows[i]`. */
export interface SliceValues {
  readonly labels: string[];
  readonly index: Int32Array;
}

/** Label of the slice holding missing cells; always the last slice when present. */
export const MISSING_LABEL = '(missing)';
/** Label of the slice that merges categories beyond `MAX_CATEGORY_SLICES`. */
export const OTHER_LABEL = '(other)';
/** Categories kept as their own slice (most frequent first); a long tail of tiny slices says nothing. */
export const MAX_CATEGORY_SLICES = 30;

/**
 * Assigns each of `rows` (snapshot row numbers) to a slice of `column`. Categorical/boolean: one slice per category
 * present in those rows, most frequent first (ties in category order), categories beyond the 30th merged into
 * "(other)". Numbers with no more distinct values than `bins`: one slice per value, ascending. Other numeric/datetime: `bins` quantile bins over those rows' values (numpy's linear interpolation, duplicate
 * edges dropped, empty bins dropped), labelled "[lo, hi)" with the last bin closed "[lo, hi]". Missing cells form a
 * final "(missing)" slice. Every returned label has at least one row.
 */
export function sliceValues(column: Column, rows: Int32Array, bins = 4): SliceValues {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer (got ${bins})`);
  if (column.type === 'numeric' && fewDistinct(column, rows, bins)) return valueSlices(column, rows);
  return column.type === 'numeric' || column.type === 'datetime' ? binValues(column, rows, bins) : categorySlices(column, rows);
}

// A column with no more distinct values than bins (a class like pclass, a flag) is best sliced by value: quantile
// bins could only merge values or leave some empty.
function fewDistinct(column: ValuesColumn, rows: Int32Array, bins: number): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const v = column.values[r];
    if (Number.isNaN(v)) continue;
    seen.add(v);
    if (seen.size > bins) return false;
  }
  return seen.size > 0;
}

// Ordered by value, so "pclass=1, 2, 3" reads naturally; missing cells last, as everywhere.
function valueSlices(column: ValuesColumn, rows: Int32Array): SliceValues {
  const values = [...new Set(Array.from(rows, (r) => column.values[r]).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
  const slot = new Map(values.map((v, s) => [v, s]));
  const labels = values.map(String);
  let missingSlice = -1;
  const index = Int32Array.from(rows, (r) => {
    const v = column.values[r];
    if (!Number.isNaN(v)) return slot.get(v) ?? 0;
    if (missingSlice < 0) missingSlice = labels.push(MISSING_LABEL) - 1;
    return missingSlice;
  });
  return { labels, index };
}

function categorySlices(column: CategoricalColumn, rows: Int32Array): SliceValues {
  const counts = new Int32Array(column.categories.length);
  let missing = 0;
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    const code = column.codes[r];
    if (code < 0) missing++;
    else counts[code]++;
  }
  const present: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) present.push(c);
  // Stable sort keeps category order among equal counts, so the slice order is deterministic.
  present.sort((a, b) => counts[b] - counts[a]);
  const kept = present.slice(0, MAX_CATEGORY_SLICES);
  const labels = kept.map((c) => column.categories[c]);
  const sliceOf = new Int32Array(counts.length).fill(-1);
  kept.forEach((c, s) => (sliceOf[c] = s));
  const other = present.length > kept.length ? labels.push(OTHER_LABEL) - 1 : -1;
  const missingSlice = missing > 0 ? labels.push(MISSING_LABEL) - 1 : -1;
  const index = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    const code = column.codes[r];
    index[i] = code < 0 ? missingSlice : sliceOf[code] >= 0 ? sliceOf[code] : other;
  });
  return { labels, index };
}

function binValues(column: ValuesColumn, rows: Int32Array, bins: number): SliceValues {
  const present: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    if (!Number.isNaN(column.values[r])) present.push(column.values[r]);
  }
  const sorted = sortFloat64(Float64Array.from(present));
  const edges: number[] = [];
  if (sorted.length > 0) {
    for (let k = 0; k <= bins; k++) {
      const e = quantileSorted(sorted, k / bins);
      // Tied quantiles (heavy repeats) would make zero-width bins; one edge each is enough.
      if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
    }
  }
  const nBins = Math.max(1, edges.length - 1);
  const raw = new Int32Array(rows.length);
  const counts = new Int32Array(nBins);
  let missing = 0;
  rows.forEach((r, i) => {
    const v = column.values[r];
    if (Number.isNaN(v)) {
      raw[i] = -1;
      missing++;
    } else {
      raw[i] = Math.min(upperBound(edges, v), edges.length - 1) - 1;
      if (raw[i] < 0) raw[i] = 0; // one distinct value: a single closed bin [v, v]
      counts[raw[i]]++;
    }
  });
  // Interpolated edges can leave a bin with no rows (e.g. values 0 and 10 in 4 bins); drop it rather than show n = 0.
  const texts = formatEdges(column, edges);
  const labels: string[] = [];
  const remap = new Int32Array(nBins).fill(-1);
  for (let b = 0; b < nBins; b++) {
    if (counts[b] === 0) continue;
    remap[b] = labels.length;
    const hi = edges.length === 1 ? 0 : b + 1;
    labels.push(`[${texts[b]}, ${texts[hi]}${hi === edges.length - 1 ? ']' : ')'}`);
  }
  const missingSlice = missing > 0 ? labels.push(MISSING_LABEL) - 1 : -1;
  const index = raw.map((b) => (b < 0 ? missingSlice : remap[b]));
  return { labels, index };
}

/** First position whose edge is greater than v (edges ascending). */
function upperBound(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DAY_MS = 86_400_000;

/** Short, readable edge texts that still tell adjacent edges apart. */
function formatEdges(column: ValuesColumn, edges: readonly number[]): string[] {
  if (column.type === 'datetime') {
    // Whole-day edges read better as dates; otherwise keep the full instant so bins stay distinguishable.
    const days = edges.every((e) => e % DAY_MS === 0);
    return edges.map((e) => (days ? new Date(e).toISOString().slice(0, 10) : new Date(e).toISOString()));
  }
  // Start with 4 significant digits and add digits only while rounding would merge two different edges.
  for (let digits = 4; digits < 17; digits++) {
    const texts = edges.map((e) => formatNumber(e, digits));
    if (new Set(texts).size === edges.length) return texts;
  }
  return edges.map((e) => String(e));
}

function formatNumber(v: number, digits: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  const intDigits = Math.abs(v) >= 1 ? Math.floor(Math.log10(Math.abs(v))) + 1 : 0;
  // Past `digits` integer digits, toPrecision would switch to exponent form and round away whole units.
  return intDigits >= digits ? String(Math.round(v)) : String(Number(v.toPrecision(digits)));
}
