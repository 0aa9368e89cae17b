/** Age buckets of label coverage, in days since the row's event time: [0, 7), [7, 30), [30, 90), 90 and over. */
export const AGE_BUCKETS: readonly { readonly name: string; readonly from: number; readonly to: number }[] = [
  { name: '0-7d', from: 0, to: 7 }, { name: '7-30d', from: 7, to: 30 }, { name: '30-90d', from: 30, to: 90 }, { name: '90d+', from: 90, to: Infinity },
];

/** Rows and labelled rows of one group; `share` is labelled / rows (null with no rows). */
export interface CoverageCount {
  readonly rows: number;
  readonly labelled: number;
  readonly unlabelled: number;
  readonly share: number | null;
}

/** Label coverage overall, and by age bucket when event times exist (`unknown_age` counts rows with no usable time). */
export interface LabelCoverage extends CoverageCount {
  readonly by_age: readonly (CoverageCount & { readonly age: string })[] | null;
  readonly unknown_age: CoverageCount | null;
}

function count(rows: number, labelled: number): CoverageCount {
  return { rows, labelled, unlabelled: rows - labelled, share: rows ? labelled / rows : null };
}

/**
 * Coverage of `labelled` (n, true where a row's label has arrived); `ageDays` (n, days, NaN when unknown) adds the
 * age buckets. Every row counts: unlabelled rows are in the denominator.
 */
export function labelCoverage(labelled: readonly boolean[], ageDays: readonly number[] | null): LabelCoverage {
  const total = count(labelled.length, labelled.filter(Boolean).length);
  if (!ageDays) return { ...total, by_age: null, unknown_age: null };
  const rows = AGE_BUCKETS.map(() => 0);
  const hits = AGE_BUCKETS.map(() => 0);
  let unknownRows = 0;
  let unknownHits = 0;
  labelled.forEach((has, r) => {
    const age = ageDays[r] ?? NaN;
    // A time after the newest one (clock skew) is treated as age 0 rather than lost.
    const b = Number.isNaN(age) ? -1 : AGE_BUCKETS.findIndex((x) => Math.max(age, 0) >= x.from && Math.max(age, 0) < x.to);
    if (b < 0) {
      unknownRows++;
      if (has) unknownHits++;
      return;
    }
    rows[b]++;
    if (has) hits[b]++;
  });
  return {
    ...total,
    by_age: AGE_BUCKETS.map((x, b) => ({ age: x.name, ...count(rows[b] as number, hits[b] as number) })),
    unknown_age: count(unknownRows, unknownHits),
  };
}
