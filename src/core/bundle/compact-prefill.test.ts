import { describe, expect, test } from 'vitest';
import { describeConvergence } from './compact-prefill.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';

// Only the fields describeConvergence reads.
const run = (converged: boolean, optimizer: TrainOutcome['optimizer']) => ({ converged, optimizer }) as unknown as TrainOutcome;

describe('describeConvergence', () => {
  test('a converged fit gives its final max|gradient| under the tolerance', () => {
    expect(describeConvergence(run(true, { reason: 'gradient', gradientMax: 8.21e-6, tolerance: 1e-5, objective: 0.3, evaluations: 190 }))).toBe('converged, max|gradient| 8.2e-6 < 1e-5');
  });

  test('a stalled line search reads as not converged, with the reason, max|gradient| and the objective', () => {
    expect(describeConvergence(run(false, { reason: 'line-search', gradientMax: 4.23e-5, tolerance: 1e-5, objective: 0.4123456, evaluations: 400 }))).toBe(
      'not converged: the line search stalled (no step lowered the objective), max|gradient| 4.2e-5 against a tolerance of 1e-5, objective 0.412346',
    );
  });

  test('the iteration cap and non-finite values are named', () => {
    expect(describeConvergence(run(false, { reason: 'max-iterations', gradientMax: 0.01, tolerance: 1e-5, objective: 1, evaluations: 9 }))).toMatch(/^not converged: stopped at the iteration cap/);
    expect(describeConvergence(run(false, { reason: 'non-finite', gradientMax: NaN, tolerance: 1e-5, objective: NaN, evaluations: 1 }))).toMatch(/^not converged: the objective became non-finite/);
  });

  test('runs stored before the optimizer was recorded read plainly', () => {
    expect(describeConvergence(run(false, undefined))).toBe('not converged');
    expect(describeConvergence(run(true, null))).toBe('converged');
  });
});
