/** Per-category row counts of a dictionary-encoded column (-1 = missing), with the missing and distinct totals. */
export interface CodeCounts {
  /** counts[code] = rows holding that category. */
  readonly counts: Int32Array;
  readonly present: number;
  readonly missing: number;
  /** Categories that occur at least once. */
  readonly distinct: number;
}

/** Counts each code of an Int32Array in one pass; `categoryCount` is the dictionary size. */
export function countCodes(codes: Int32Array, categoryCount: number): CodeCounts {
  const counts = new Int32Array(categoryCount);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code < 0) missing++;
    else counts[code]++;
  }
  let distinct = 0;
  for (let c = 0; c < categoryCount; c++) if (counts[c] > 0) distinct++;
  return { counts, present: codes.length - missing, missing, distinct };
}
