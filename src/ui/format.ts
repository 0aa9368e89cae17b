/** A ratio for display: "undefined" when its denominator was zero, never a silent 0. */
export function formatRatio(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? 'undefined' : value.toFixed(digits);
}
