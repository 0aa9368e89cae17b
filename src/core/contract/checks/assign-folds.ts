import { createRandom, shuffleInPlace } from '../../random.ts';

/** Seeded fold index in [0, k) for each of n positions; fold sizes differ by at most one. */
export function assignFolds(n: number, k: number, seed: number): Uint8Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, createRandom(seed));
  const folds = new Uint8Array(n);
  for (let j = 0; j < n; j++) folds[order[j]] = j % k;
  return folds;
}
