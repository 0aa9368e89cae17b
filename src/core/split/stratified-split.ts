import { createRandom, shuffleInPlace } from '../random.ts';
import type { Split, SplitFractions } from './split.ts';

/**
 * Seeded stratified split: each class is shuffled on its own and cut by the fractions, so every split keeps the
 * label's base rate. `rows` are the eligible (labelled) row indices, `y` the 0/1 label per snapshot row.
 */
export function stratifiedSplit(rows: Int32Array, y: Uint8Array, fractions: SplitFractions, seed: number): Split {
  const [fTrain, fVal] = fractions;
  const random = createRandom(seed);
  const parts: [number[], number[], number[]] = [[], [], []];
  for (const cls of [0, 1]) {
    const members = Int32Array.from(rows.filter((r) => y[r] === cls));
    shuffleInPlace(members, random);
    const nTrain = Math.round(members.length * fTrain);
    const nVal = Math.round(members.length * fVal);
    members.forEach((row, i) => parts[i < nTrain ? 0 : i < nTrain + nVal ? 1 : 2].push(row));
  }
  const [train, validation, test] = parts.map((p) => Int32Array.from(p).sort());
  return { train, validation, test };
}
