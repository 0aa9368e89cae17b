import type { ClassWeight } from '../config.ts';

/** Per-row sample weights for 0/1 labels: all ones for `none`, n / (2 · n_class) for `balanced` (so they sum to n). */
export function classWeights(y: Uint8Array, mode: ClassWeight): Float32Array {
  const weights = new Float32Array(y.length).fill(1);
  if (mode === 'none') return weights;
  let positives = 0;
  for (const v of y) positives += v;
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return weights;
  const wPos = y.length / (2 * positives);
  const wNeg = y.length / (2 * negatives);
  for (let i = 0; i < y.length; i++) weights[i] = y[i] ? wPos : wNeg;
  return weights;
}
