import { hasValues, type Column } from '../../data/column.ts';
import { sortFloat64 } from '../../data/sort-float64.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { judgeableTargets, outcomeWord, type ClassTarget } from './class-targets.ts';
import { exampleRows, percent } from './finding-text.ts';

/** Fewest training rows a pattern must cover before its purity counts as evidence. */
export const MIN_PATTERN_SUPPORT = 20;
/** Share of one class among a pattern's rows from which the pattern is "nearly pure". */
export const PATTERN_PURITY = 0.95;
/** A sparser but still telling pattern: purity at least this with lift ≥ PATTERN_LIFT (e.g. repair costs). */
export const PATTERN_PURITY_LIFTED = 0.7;
/** How many times the class's base rate a pattern must reach to count as lifted. */
export const PATTERN_LIFT = 3;
/** A region of one feature (tail of its values, or one category) flags only at this lift: rare classes concentrated. */
export const REGION_LIFT = 4;
/** Quantile bins of a numeric feature from which tail regions are built. */
const REGION_BINS = 10;

/** How many rows a pattern covers (listed only for the one reported), and how pure they are for one class. */
interface Pattern {
  readonly kind: 'present' | 'non-zero' | 'region';
  readonly what: string;
  readonly target: ClassTarget;
  readonly count: number;
  readonly rows: () => readonly number[];
  readonly purity: number;
  readonly lift: number;
}

const hitsIn = (rows: readonly number[], target: ClassTarget): number => {
  let hits = 0;
  for (const row of rows) hits += target.y[row];
  return hits;
};

function measure(kind: Pattern['kind'], what: string, count: number, hits: number, rows: () => readonly number[], target: ClassTarget, base: number): Pattern {
  const purity = count === 0 ? 0 : hits / count;
  return { kind, what, target, count, rows, purity, lift: base === 0 ? 0 : purity / base };
}

// Nearly pure and far above the base rate (error cut to a quarter), or pure enough and concentrated (lift ≥ 3).
function telling(p: Pattern, base: number): boolean {
  if (p.count < MIN_PATTERN_SUPPORT) return false;
  if (p.kind === 'region') return p.purity >= PATTERN_PURITY && p.lift >= REGION_LIFT;
  return (p.purity >= PATTERN_PURITY && 1 - p.purity <= 0.25 * (1 - base)) || (p.purity >= PATTERN_PURITY_LIFTED && p.lift >= PATTERN_LIFT);
}

// Sparse indicators only: a column present (or non-zero) on most rows says nothing by being so.
const sparse = (rows: number, train: number): boolean => rows <= 0.6 * train;

function indicatorRows(column: Column, train: Int32Array): { present: number[]; nonZero: number[] } {
  const present: number[] = [];
  const nonZero: number[] = [];
  for (let i = 0; i < train.length; i++) {
    const row = train[i];
    const missing = hasValues(column) ? Number.isNaN(column.values[row]) : column.codes[row] < 0;
    if (missing) continue;
    present.push(row);
    if (column.type === 'numeric' && column.values[row] !== 0) nonZero.push(row);
  }
  return { present, nonZero };
}

/** A region of one feature: its rows' count, positives per judged target, and the rows themselves on demand. */
interface Place {
  readonly what: string;
  readonly count: number;
  readonly hits: readonly number[];
  readonly rows: () => readonly number[];
}

// Low and high tails (1..REGION_BINS/2 deciles) of a numeric feature, or each category: a place where one class lives.
// Tails are the rows at or beyond a quantile cut, so tied values fall on the same side. A numeric tail is counted in
// one pass over the rows for all ten tails; its row list is built only for the pattern a finding reports.
function places(column: Column, train: Int32Array, targets: readonly ClassTarget[]): Place[] {
  if (!hasValues(column)) {
    return categoryRows(column, train).map(({ what, rows }) => ({ what, count: rows.length, hits: targets.map((t) => hitsIn(rows, t)), rows: () => rows }));
  }
  // A plain loop: Float64Array.from with a callback and .filter cost more than the sort on 100k rows.
  const present = new Float64Array(train.length);
  let filled = 0;
  for (let i = 0; i < train.length; i++) {
    const row = train[i];
    const v = column.values[row];
    if (!Number.isNaN(v)) present[filled++] = v;
  }
  const sorted = sortFloat64(present.subarray(0, filled));
  const cuts: { what: string; at: number; low: boolean }[] = [];
  for (let j = 1; j <= REGION_BINS / 2; j++) {
    const cut = Math.round((sorted.length * j) / REGION_BINS);
    if (cut === 0) continue;
    const low = sorted[cut - 1];
    const high = sorted[sorted.length - cut];
    cuts.push({ what: `≤ ${low}`, at: low, low: true }, { what: `≥ ${high}`, at: high, low: false });
  }
  // Lows ascend and highs descend with j, so a row lies in every low tail from the first that holds it on: count each
  // row once in the bucket of that first tail (one past the end when in none), then sum the buckets up.
  const lows = Float64Array.from(cuts.filter((c) => c.low), (c) => c.at);
  const highs = Float64Array.from(cuts.filter((c) => !c.low), (c) => c.at);
  const tails = lows.length;
  const ys = targets.map((t) => t.y);
  const width = ys.length + 1; // per bucket: rows, then positives per target
  const lowBuckets = new Int32Array((tails + 1) * width);
  const highBuckets = new Int32Array((tails + 1) * width);
  const values = column.values;
  for (let i = 0; i < train.length; i++) {
    const row = train[i];
    const v = values[row];
    let lo = 0;
    while (lo < tails && !(v <= lows[lo])) lo++;
    let hi = 0;
    while (hi < tails && !(v >= highs[hi])) hi++;
    lowBuckets[lo * width]++;
    highBuckets[hi * width]++;
    for (let t = 0; t < ys.length; t++) {
      const y = ys[t][row];
      lowBuckets[lo * width + 1 + t] += y;
      highBuckets[hi * width + 1 + t] += y;
    }
  }
  for (let j = 1; j < tails; j++) {
    for (let k = 0; k < width; k++) {
      lowBuckets[j * width + k] += lowBuckets[(j - 1) * width + k];
      highBuckets[j * width + k] += highBuckets[(j - 1) * width + k];
    }
  }
  const tally = (c: number): { count: number; hits: number[] } => {
    const buckets = cuts[c].low ? lowBuckets : highBuckets;
    const at = (c >> 1) * width;
    return { count: buckets[at], hits: ys.map((_, t) => buckets[at + 1 + t]) };
  };
  return cuts.map((cut, c) => ({
    what: cut.what, ...tally(c),
    rows: () => {
      const rows: number[] = [];
      for (let i = 0; i < train.length; i++) {
        const row = train[i];
        if (cut.low ? values[row] <= cut.at : values[row] >= cut.at) rows.push(row);
      }
      return rows;
    },
  }));
}

// Each category's rows (categorical and boolean columns).
function categoryRows(column: Column, train: Int32Array): { what: string; rows: number[] }[] {
  if (!hasValues(column)) {
    const byCode = new Map<number, number[]>();
    for (let i = 0; i < train.length; i++) {
      const row = train[i];
      const code = column.codes[row];
      if (code < 0) continue;
      const list = byCode.get(code) ?? [];
      list.push(row);
      byCode.set(code, list);
    }
    return [...byCode].map(([code, rows]) => ({ what: `"${column.categories[code]}"`, rows }));
  }
  return [];
}

/**
 * Post-outcome patterns that an AUC misses, on the training rows, one-vs-rest for every class with enough rows:
 * a sparse feature's presence (non-missing) or non-zero indicator, or a region of its values (a tail of a numeric
 * feature, one category), nearly pure for one class over ≥ 20 rows. One finding per column, `leak:pattern:<column>`:
 * a presence pattern warns (body or boat recorded only for one outcome); a non-zero or region pattern is a strong signal
 * to confirm unless the header sounds like an outcome (cost, repair, status, …), which makes it a warn. Columns that
 * `skip` names (already flagged by single-feature power) are left out. Evidence gives support, purity and lift.
 */
export function checkOutcomePatterns(snapshot: Snapshot, contract: DataContract, targets: readonly ClassTarget[], train: Int32Array, skip: ReadonlySet<string>): Finding[] {
  const { judged } = judgeableTargets(targets, train);
  if (judged.length === 0) return [];
  const bases = judged.map((t) => {
    let n = 0;
    for (let i = 0; i < train.length; i++) {
      const row = train[i];
      n += t.y[row];
    }
    return n / train.length;
  });
  const findings: Finding[] = [];
  for (const name of columnsWithRole(contract, 'feature')) {
    const column = snapshot.columns.find((c) => c.name === name);
    if (!column || name === contract.label || skip.has(name)) continue;
    const { present, nonZero } = indicatorRows(column, train);
    let found: Pattern | null = null;
    const sparsePresent = sparse(present.length, train.length);
    const sparseNonZero = sparse(nonZero.length, train.length) && nonZero.length < present.length;
    // Regions only for columns with no sparse indicator: there the indicator is the telling pattern.
    const tails = sparsePresent || sparseNonZero ? [] : places(column, train, judged);
    judged.forEach((target, k) => {
      const candidates: Pattern[] = [];
      if (sparsePresent) candidates.push(measure('present', 'present (not missing)', present.length, hitsIn(present, target), () => present, target, bases[k]));
      if (sparseNonZero) candidates.push(measure('non-zero', 'non-zero', nonZero.length, hitsIn(nonZero, target), () => nonZero, target, bases[k]));
      for (const r of tails) candidates.push(measure('region', r.what, r.count, r.hits[k], r.rows, target, bases[k]));
      for (const p of candidates) {
        if (!telling(p, bases[k])) continue;
        // Presence beats non-zero beats region; within a kind, more rows beat fewer.
        const rank = (q: Pattern): number => (q.kind === 'present' ? 2 : q.kind === 'non-zero' ? 1 : 0) * 1e9 + q.count;
        if (!found || rank(p) > rank(found)) found = p;
      }
    });
    if (!found) continue;
    const p: Pattern = found;
    const word = outcomeWord(name);
    const what = judged.length > 2 ? `class "${p.target.name}" (one-vs-rest)` : `"${p.target.name}"`;
    const subject = `"${name}" is ${p.what}`;
    const plain = p.kind === 'present' || word !== null;
    const evidence = `Support ${p.count} of ${train.length} training rows; purity ${percent(p.purity)} "${p.target.name}" against a base rate of ${percent(p.purity / p.lift)} (lift ${p.lift.toFixed(1)})${word ? `; the header says "${word}"` : ''}.`;
    findings.push({
      id: `leak:pattern:${name}`,
      check: 'pattern',
      column: name,
      status: 'warn',
      ...(plain ? {} : { strongSignal: true }),
      message: plain
        ? `When ${subject}, the row is nearly always ${what}: a value recorded only for one outcome, typical of post-outcome data.`
        : `Strong signal: when ${subject}, the row is nearly always "${p.target.name}". Confirm "${name}" is known at prediction time.`,
      evidence,
      suggestion: `Find out when "${name}" is filled in; if only after the outcome, set its role to ignore.`,
      count: p.count,
      exampleRows: exampleRows(p.rows()),
    });
  }
  return findings;
}
