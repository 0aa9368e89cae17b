/**
 * A share in [0, 1] as a percentage with `digits` decimals ("73%", "12.3%"). A non-zero share never prints as 0 nor a
 * partial one as 100: they read "<1%" / ">99%" (or "<0.1%" / ">99.9%"), since "0%" would read as "none".
 */
export function percent(share: number, digits = 0): string {
  const text = (share * 100).toFixed(digits);
  const step = 10 ** -digits;
  if (Number(text) === 0 && share > 0) return `<${step.toFixed(digits)}%`;
  if (Number(text) === 100 && share < 1) return `>${(100 - step).toFixed(digits)}%`;
  return `${text}%`;
}
