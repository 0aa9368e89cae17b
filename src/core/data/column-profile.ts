import type { Column, ColumnType } from './column.ts';

/**
 * What a column holds, finer than its storage type: `integer` = numeric with only whole values; `id` = unique per row;
 * `text` = free text (see `profileKind` for the exact rules).
 */
export type ProfileKind = 'numeric' | 'integer' | 'boolean' | 'categorical' | 'datetime' | 'text' | 'id';

/** Quantiles of the non-missing values (linear interpolation, numpy's default); datetimes in epoch ms. */
export interface Quantiles {
  readonly p0: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly p100: number;
}

/** One equal-width histogram bin [x0, x1) (the last bin also holds x1); `count` non-missing values fall in it. */
export interface HistogramBin {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

/** A category value (as written in the file) and the number of rows that hold it. */
export interface TopValue {
  readonly value: string;
  readonly count: number;
}

/** Kinds of data-quality notes a profile can raise about a column. */
export type ProfileFlagKind = 'constant' | 'high-cardinality' | 'mixed-types' | 'decimal-comma' | 'thousands-separators' | 'mostly-missing';

/** A data-quality note: a sentence for the user and up to 5 example rows (0-based data rows). */
export interface ProfileFlag {
  readonly kind: ProfileFlagKind;
  readonly message: string;
  readonly exampleRows: readonly number[];
}

/**
 * Summary of one column. min/max/mean/std/quantiles are set for columns stored as numbers (numeric, integer, datetime
 * and numeric ids; datetimes in epoch ms UTC) and null otherwise. `histogram` is set for numeric, integer and datetime
 * kinds; `top` for boolean, categorical, text and id kinds; each is null otherwise. `missingRate` is 0..1 of the rows.
 */
export interface ColumnProfile {
  readonly name: string;
  readonly storage: ColumnType;
  readonly kind: ProfileKind;
  readonly missing: number;
  readonly missingRate: number;
  readonly distinct: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  /** Population standard deviation (divides by n). */
  readonly std: number | null;
  readonly quantiles: Quantiles | null;
  readonly histogram: readonly HistogramBin[] | null;
  /** Up to 10 most frequent values, by count descending then value ascending (code-point order). */
  readonly top: readonly TopValue[] | null;
  readonly flags: readonly ProfileFlag[];
}

/** Profiles one column of `rows` rows; passed into `CsvIngest` so the loader can profile while it loads. */
export type ColumnProfiler = (column: Column, rows: number) => ColumnProfile;
