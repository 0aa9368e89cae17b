import { createRandom, shuffleInPlace } from '../random.ts';
import type { Split, SplitFractions } from './split.ts';

/**
 * Seeded stratified split: each class is shuffled on its own and cut by the fractions, so every split keeps the
 * label's class rates. `rows` are the eligible (labelled) row indices, `y` the class per snapshot row (0/1 for a
 * binary label, a class index for a multiclass one).
 */
export function stratifiedSplit(rows: Int32Array, y: Uint8Array, fractions: SplitFractions, seed: number): Split {
  const [fTrain, fVal] = fractions;
  const random = createRandom(seed);
  const parts: [number[], number[], number[]] = [[], [], []];
  // Binary labels keep the [0, 1] order, so their splits stay what they were before multiclass existed.
  const classes = [...new Set([0, 1, ...Array.from(rows, (r) => y[r])])].sort((a, b) => a - b);
  for (const cls of classes) {
    const members = Int32Array.from(rows.filter((r) => y[r] === cls));
    shuffleInPlace(members, random);
    const nTrain = Math.round(members.length * fTrain);
    const nVal = Math.round(members.length * fVal);
    members.forEach((row, i) => parts[i < nTrain ? 0 : i < nTrain + nVal ? 1 : 2].push(row));
  }
  const [train, validation, test] = parts.map((p) => Int32Array.from(p).sort());
  return { train, validation, test };
}
