import { describe, expect, test } from 'vitest';
import { rocAuc, rocAucFromSweep } from './roc-auc.ts';
import { thresholdSweep } from './sweep.ts';
import { FOUR_LABELS, FOUR_SCORES, randomCase } from './test-fixtures.ts';

// Mann-Whitney by brute force over every (positive, negative) pair: an independent definition of AUC.
function pairwiseAuc(scores: Float64Array, labels: Uint8Array): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] !== 0) continue;
      const d = (scores[i] as number) - (scores[j] as number);
      wins += d > 0 ? 1 : d === 0 ? 0.5 : 0;
      pairs++;
    }
  }
  return wins / pairs;
}

describe('rocAuc', () => {
  test('4-row case by hand: ROC (0,0)-(0,.5)-(.5,.5)-(.5,1)-(1,1) has area 0.75', () => {
    expect(rocAuc(FOUR_SCORES, FOUR_LABELS)).toBe(0.75);
  });

  test('ties count 1/2: two positives tied with a negative', () => {
    // pairs: (p,n@.5) x2 tie = 1, (p,n@.2) x2 win = 2 -> 3/4
    expect(rocAuc(new Float64Array([0.5, 0.5, 0.5, 0.2]), new Uint8Array([1, 0, 1, 0]))).toBe(0.75);
  });

  test('all scores tied gives exactly 0.5', () => {
    expect(rocAuc(new Float64Array([0.3, 0.3, 0.3, 0.3, 0.3]), new Uint8Array([1, 0, 0, 1, 0]))).toBe(0.5);
  });

  test('perfect and inverted rankings give 1 and 0', () => {
    expect(rocAuc(new Float64Array([0.1, 0.2, 0.8, 0.9]), new Uint8Array([0, 0, 1, 1]))).toBe(1);
    expect(rocAuc(new Float64Array([0.1, 0.2, 0.8, 0.9]), new Uint8Array([1, 1, 0, 0]))).toBe(0);
  });

  test('one class only gives null', () => {
    expect(rocAuc(new Float64Array([0.1, 0.9]), new Uint8Array([1, 1]))).toBeNull();
    expect(rocAuc(new Float64Array([0.1, 0.9]), new Uint8Array([0, 0]))).toBeNull();
  });

  test('empty input gives null', () => {
    expect(rocAuc(new Float64Array(0), new Uint8Array(0))).toBeNull();
  });

  test('NaN score is rejected', () => {
    expect(() => rocAuc(new Float64Array([0.1, NaN]), new Uint8Array([0, 1]))).toThrow(/row 1 is NaN/);
  });

  test('equals the pairwise Mann-Whitney count on random tied data', () => {
    for (const seed of [1, 2, 3]) {
      const { scores, labels } = randomCase(seed, 300, 1);
      expect(rocAuc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
    }
  });
});

describe('rocAuc and the exact sweep', () => {
  test('is the same bits as the AUC of the exact sweep: distinct, tied, signed-zero and one-class scores', () => {
    const tied = Float64Array.from({ length: 3000 }, (_, i) => Math.round(Math.sin(i) * 8) / 8);
    const labels = Uint8Array.from({ length: 3000 }, (_, i) => (Math.cos(i * 1.7) > 0.2 ? 1 : 0));
    const distinct = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i * 0.37) + labels[i] * 0.3);
    const zeros = Float64Array.of(-0, 0, 0.5, -0, 0, 1);
    const zeroLabels = Uint8Array.of(1, 0, 1, 0, 1, 0);
    for (const [s, y] of [[tied, labels], [distinct, labels], [zeros, zeroLabels]] as const) {
      expect(Object.is(rocAuc(s, y), rocAucFromSweep(thresholdSweep(s, y)))).toBe(true);
    }
    expect(rocAuc(Float64Array.of(0.1, 0.9), Uint8Array.of(1, 1))).toBeNull();
    expect(rocAuc(new Float64Array(0), new Uint8Array(0))).toBeNull();
  });
});
