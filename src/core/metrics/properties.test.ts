import { describe, expect, test } from 'vitest';
import { rates } from './rates.ts';
import { rocAuc } from './roc-auc.ts';
import { confusionAt, thresholdSweep } from './sweep.ts';
import { mulberry32, randomCase } from './test-fixtures.ts';

describe('properties on random data (seeded)', () => {
  const cases = [1, 2, 3, 4, 5].map((seed) => ({ seed, ...randomCase(seed, 200 + 50 * seed, seed % 3) }));

  test.each(cases)('seed $seed: TP+FN is constant and recall never rises with the threshold', ({ scores, labels }) => {
    const sweep = thresholdSweep(scores, labels);
    const grid = [-Infinity, ...Array.from(sweep.thresholds).reverse(), 0.333, 0.5, 0.777, Infinity].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    let prevRecall = Infinity;
    for (const t of grid) {
      const c = confusionAt(sweep, t);
      expect(c.tp + c.fn).toBe(sweep.nPos);
      expect(c.fp + c.tn).toBe(sweep.nNeg);
      const recall = rates(c).recall as number;
      expect(recall).toBeLessThanOrEqual(prevRecall);
      prevRecall = recall;
    }
    expect(prevRecall).toBe(0);
  });

  test.each(cases)('seed $seed: AUC is unchanged by row order and by a monotone rescaling', ({ seed, scores, labels }) => {
    const rand = mulberry32(seed + 100);
    const perm = Array.from(scores, (_, i) => i);
    for (let i = perm.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
    }
    const s2 = Float64Array.from(perm, (i) => 3 * (scores[i] as number) - 7);
    const l2 = Uint8Array.from(perm, (i) => labels[i] as number);
    expect(rocAuc(s2, l2)).toBe(rocAuc(scores, labels));
  });
});
