import type { CategoricalColumn, Column, ValuesColumn } from '../data/column.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { columnFlags } from './column-flags.ts';
import type { ColumnProfile, TopValue } from '../data/column-profile.ts';
import { countCodes } from './count-codes.ts';
import { profileKind } from './profile-kind.ts';
import { summarizeValues } from './summarize-values.ts';
import { textShape } from './text-shape.ts';
import { TOP_VALUES, topValues } from './top-values.ts';

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

// A numeric ID lists its smallest values: every count is 1, so "ties by value" leaves exactly these.
function smallestValues(sorted: Float64Array): TopValue[] {
  return Array.from(sorted.subarray(0, TOP_VALUES), (v) => ({ value: String(v), count: 1 }));
}

function profileValues(column: ValuesColumn, rowCount: number): ColumnProfile {
  const s = summarizeValues(column.values);
  const kind = profileKind({ storage: column.type, present: s.present, missing: s.missing, distinct: s.distinct, whole: s.whole, shape: null });
  const empty = s.present === 0;
  return {
    name: column.name,
    storage: column.type,
    kind,
    missing: s.missing,
    missingRate: rowCount > 0 ? s.missing / rowCount : 0,
    distinct: s.distinct,
    min: orNull(s.min),
    max: orNull(s.max),
    mean: orNull(s.mean),
    std: orNull(s.std),
    quantiles: empty ? null : s.quantiles,
    histogram: kind === 'id' ? null : s.histogram,
    top: kind === 'id' ? smallestValues(s.sorted) : null,
    flags: columnFlags(column, { rowCount, missing: s.missing, distinct: s.distinct, kind }),
  };
}

function profileCodes(column: CategoricalColumn, rowCount: number): ColumnProfile {
  const c = countCodes(column.codes, column.categories.length);
  const shape = column.type === 'categorical' ? textShape(column.categories, c.counts) : null;
  const kind = profileKind({ storage: column.type, present: c.present, missing: c.missing, distinct: c.distinct, whole: false, shape });
  return {
    name: column.name,
    storage: column.type,
    kind,
    missing: c.missing,
    missingRate: rowCount > 0 ? c.missing / rowCount : 0,
    distinct: c.distinct,
    min: null,
    max: null,
    mean: null,
    std: null,
    quantiles: null,
    histogram: null,
    top: topValues(column.categories, c.counts),
    flags: columnFlags(column, { rowCount, missing: c.missing, distinct: c.distinct, kind }),
  };
}

/**
 * Profiles one column of `rowCount` rows: kind, missing share, distinct count, numeric summary or top values, and
 * data-quality flags. Cost is one pass over the column plus, for float64 columns, one sort of a copy of the values.
 */
export function profileColumn(column: Column, rowCount: number): ColumnProfile {
  return column.type === 'numeric' || column.type === 'datetime' ? profileValues(column, rowCount) : profileCodes(column, rowCount);
}

/** Profiles of every column of a snapshot, in snapshot order; reuses the ones computed while loading. */
export function profileSnapshot(snapshot: Snapshot): ColumnProfile[] {
  if (snapshot.profiles?.length === snapshot.columns.length) return [...snapshot.profiles];
  return snapshot.columns.map((column) => profileColumn(column, snapshot.rowCount));
}
