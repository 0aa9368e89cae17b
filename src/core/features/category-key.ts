import { parseNumber } from '../data/column-builder.ts';

const BOOLEAN_TOKENS = new Set(['true', 'false', 'yes', 'no', 'y', 'n']);

/**
 * The spelling a category is matched by, at fit and at transform alike: numbers by their shortest form, boolean
 * tokens in lower case, anything else as written. A value then encodes the same way whatever type the rest of its
 * file made the column (a file of only "02134" reads as numeric 2134; one that also holds "x" reads as text).
 */
export function categoryKey(text: string): string {
  const n = parseNumber(text);
  if (!Number.isNaN(n)) return String(n);
  const lower = text.toLowerCase();
  return BOOLEAN_TOKENS.has(lower) ? lower : text;
}
