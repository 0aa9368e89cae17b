/**
 * A number for reading, with at most `digits` significant digits and no trailing zeros ("0.05619", "0.5", "12.35",
 * "1.235e-7"); exact integers up to 1e6 print whole. The full value belongs in a tooltip and in exported JSON, never
 * replaced by this text. Infinities and NaN print as "∞", "−∞" and "undefined".
 */
export function formatNumber(value: number, digits = 4): string {
  if (Number.isNaN(value)) return 'undefined';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e6) return String(value);
  const abs = Math.abs(value);
  // Below 1e-4 or at 1e6 and above a plain decimal would need many zeros: scientific notation stays short.
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return value.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(value.toPrecision(digits)));
}

/** A decision threshold (a score in [0, 1], or above every score) for reading: 4 significant digits, see `formatNumber`. */
export function formatThreshold(threshold: number): string {
  return formatNumber(threshold, 4);
}
