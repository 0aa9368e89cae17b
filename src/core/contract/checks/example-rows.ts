/** Most example rows a finding carries (the Finding contract allows 5). */
export const MAX_EXAMPLE_ROWS = 5;

/** The first MAX_EXAMPLE_ROWS of `rows` (0-based data rows), in the order given. */
export function exampleRows(rows: Iterable<number>): number[] {
  const out: number[] = [];
  for (const row of rows) {
    if (out.length === MAX_EXAMPLE_ROWS) break;
    out.push(row);
  }
  return out;
}
