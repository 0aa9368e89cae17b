/** `balanced` weighs each class by n / (2 · n_class), as scikit-learn's `class_weight='balanced'`. */
export type ClassWeight = 'none' | 'balanced';

/**
 * Per-row sample weights from class indices (0/1 for a binary label): all ones for `none`; for `balanced`,
 * n / (K · n_class) over the K classes present, as scikit-learn's `class_weight='balanced'` (they sum to n).
 */
export function classWeights(y: Uint8Array, mode: ClassWeight): Float32Array {
  const weights = new Float32Array(y.length).fill(1);
  if (mode === 'none') return weights;
  const counts = new Map<number, number>();
  for (let j = 0; j < y.length; j++) {
    const v = y[j];
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  if (counts.size < 2) return weights;
  const per = new Map([...counts].map(([k, c]) => [k, y.length / (counts.size * c)]));
  for (let i = 0; i < y.length; i++) weights[i] = per.get(y[i]) ?? 1;
  return weights;
}
