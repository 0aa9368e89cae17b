import { describe, expect, it } from 'vitest';
import type { Preprocessing } from '../features/preprocessing.ts';
import { columnGroups, inputNames } from './input-names.ts';
import { lrCoefficients } from './lr-coefficients.ts';

const pre: Preprocessing = {
  format: 1,
  steps: [
    { kind: 'numeric', column: 'age', median: 30, mean: 30, scale: 10, missingIndicator: true },
    { kind: 'categorical', column: 'sex', categories: ['female', 'male'] },
    { kind: 'categorical', column: 'name', categories: ['0123456789abcdef'], salt: 's' },
  ],
  outputNames: ['age', 'age__missing', 'sex=female', 'sex=male', 'sex=__other__', 'name=0123456789abcdef', 'name=__other__'],
};

describe('readable input names', () => {
  it('names one-hot levels, the other slot, missing indicators and hashed levels (digest only)', () => {
    expect(inputNames(pre).map((i) => i.name)).toEqual(['age', 'age is missing', 'sex = female', 'sex = male', 'sex = (other)', 'name = #01234567', 'name = (other)']);
    expect(columnGroups(pre)).toEqual([{ column: 'age', inputs: [0, 1] }, { column: 'sex', inputs: [2, 3, 4] }, { column: 'name', inputs: [5, 6] }]);
  });
});

describe('lrCoefficients', () => {
  it('multiplies each weight by its input\'s training std and sorts by magnitude', () => {
    // Four training rows; age is already standardised (std 1); sex=female is 1 on half the rows (std 0.5);
    // age is missing on one row of four (std sqrt(0.25·0.75)); the other slots are constant (std 0).
    const rows = [
      [-1, 0, 1, 0, 0, 0, 1],
      [1, 0, 0, 1, 0, 0, 1],
      [-1, 1, 1, 0, 0, 0, 1],
      [1, 0, 0, 1, 0, 0, 1],
    ];
    const coef = Float64Array.from([0.5, 2, -3, 0.1, 7, 9, 1]);
    const out = lrCoefficients(pre, coef, Float32Array.from(rows.flat()));
    expect(out[0]).toEqual({ name: 'sex = female', column: 'sex', coef: -3, standardised: -1.5 });
    expect(out[1].name).toBe('age is missing');
    expect(out[1].standardised).toBeCloseTo(2 * Math.sqrt(0.1875), 12);
    expect(out[2]).toEqual({ name: 'age', column: 'age', coef: 0.5, standardised: 0.5 });
    expect(out.find((c) => c.name === 'sex = (other)')?.standardised).toBe(0);
    expect(() => lrCoefficients(pre, new Float64Array(3), new Float32Array(0))).toThrow('expected 7 coefficients for 7 model inputs, got 3');
  });
});
