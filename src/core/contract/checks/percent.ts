/** A share in [0, 1] as a short percentage for messages, e.g. 0.05 → "5%", 0.1234 → "12.3%", 0.0002 → "<0.1%". */
export function percent(rate: number): string {
  const p = rate * 100;
  if (p === 0) return '0%';
  // A tiny non-zero share must not print as "0%", or a user would read it as "none".
  if (p < 0.1) return '<0.1%';
  return `${Number(p.toFixed(1))}%`;
}
