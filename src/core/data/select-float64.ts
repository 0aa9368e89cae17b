/**
 * The k-th smallest (0-based) of `values` (no NaN), in O(n) expected time; reorders `values` in place so that
 * values[k] holds it, smaller ones lie before and larger ones after. A median needs this, not a whole sort.
 */
export function selectFloat64(values: Float64Array, k: number): number {
  if (!(k >= 0 && k < values.length)) throw new Error(`select: k = ${k} is outside 0..${values.length - 1}`);
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    // Median of three as pivot, then a three-way partition so runs of equal values (imputed columns) end at once.
    const mid = (lo + hi) >>> 1;
    const a = values[lo], b = values[mid], c = values[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i];
      if (v < pivot) { values[i] = values[lt]; values[lt] = v; lt++; i++; }
      else if (v > pivot) { values[i] = values[gt]; values[gt] = v; gt--; }
      else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return values[k];
  }
  return values[k];
}
