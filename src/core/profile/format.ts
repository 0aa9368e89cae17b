/** An integer with comma thousands separators ("1,309"), independent of the runtime's locale data. */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0-based rows as the 1-based numbers the row preview shows: "row 5" or "rows 5, 10, 12". */
export function rowList(rows: readonly number[]): string {
  const shown = rows.map((r) => String(r + 1)).join(', ');
  return rows.length === 1 ? `row ${shown}` : `rows ${shown}`;
}
