/** How a categorical column's values read, weighted by rows: mean length (UTF-16 units) and share (0..1) with a space between words. */
export interface TextShape {
  readonly meanLength: number;
  readonly spacedShare: number;
}

const SPACED = /\S\s+\S/;

/** Measures every category once and weights it by its row count, so the result is exact without touching each row. */
export function textShape(categories: readonly string[], counts: Int32Array): TextShape {
  let rows = 0;
  let length = 0;
  let spaced = 0;
  for (let c = 0; c < categories.length; c++) {
    const count = counts[c];
    if (count <= 0) continue;
    const value = categories[c];
    rows += count;
    length += count * value.length;
    if (SPACED.test(value)) spaced += count;
  }
  return rows === 0 ? { meanLength: 0, spacedShare: 0 } : { meanLength: length / rows, spacedShare: spaced / rows };
}
