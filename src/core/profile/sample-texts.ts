import { cellText, type CategoricalColumn } from '../data/column.ts';

/** Most values a role heuristic looks at per column. */
export const MAX_SAMPLE = 2000;

/**
 * Up to `max` present cells of a categorical column, taken at evenly spaced positions among the present cells, so
 * the same column always gives the same sample and a sorted file is still sampled end to end.
 */
export function sampleTexts(column: CategoricalColumn, max: number = MAX_SAMPLE): string[] {
  const codes = column.codes;
  let present = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) present++;
  const take = Math.min(max, present);
  const out: string[] = [];
  let seen = 0;
  let next = 0;
  for (let i = 0; i < codes.length && out.length < take; i++) {
    if (codes[i] < 0) continue;
    // Target k sits at present-position floor(k * present / take); `seen` counts present cells passed so far.
    if (seen === next) {
      out.push(cellText(column, i) as string);
      next = Math.floor(((out.length) * present) / take);
    }
    seen++;
  }
  return out;
}
