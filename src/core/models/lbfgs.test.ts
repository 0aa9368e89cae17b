import { describe, expect, test } from 'vitest';
import { minimizeLbfgs } from './lbfgs.ts';

const options = { maxIterations: 200, gradientTolerance: 1e-10 };

describe('minimizeLbfgs', () => {
  test('finds the minimum of a shifted quadratic: f = (x-3)² + 10(y+1)²', async () => {
    const result = await minimizeLbfgs(async (p) => ({
      value: (p[0] - 3) ** 2 + 10 * (p[1] + 1) ** 2,
      gradient: Float64Array.from([2 * (p[0] - 3), 20 * (p[1] + 1)]),
    }), new Float64Array(2), options, () => false);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 8);
    expect(result.x[1]).toBeCloseTo(-1, 8);
  });

  test('minimises the Rosenbrock function to (1, 1)', async () => {
    const result = await minimizeLbfgs(async ([a, b]) => ({
      value: (1 - a) ** 2 + 100 * (b - a * a) ** 2,
      gradient: Float64Array.from([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)]),
    }), Float64Array.from([-1.2, 1]), { maxIterations: 500, gradientTolerance: 1e-8 }, () => false);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  test('a starting point that is already optimal takes zero iterations', async () => {
    const result = await minimizeLbfgs(async (p) => ({ value: p[0] ** 2, gradient: Float64Array.from([2 * p[0]]) }), new Float64Array(1), options, () => false);
    expect(result).toMatchObject({ iterations: 0, converged: true, reason: 'gradient' });
  });
});

describe('minimizeLbfgs reports why it stopped', () => {
  // A gradient that points the wrong way (as a broken or badly rounded gradient can): every trial step raises the
  // value, so the line search finds no decrease at all.
  const wrong = (p: Float64Array) => ({ value: (p[0] - 3) ** 2, gradient: Float64Array.from([-2 * (p[0] - 3)]) });

  test('a stalled line search is not converged and gives max|gradient| and the objective', async () => {
    const result = await minimizeLbfgs(wrong, new Float64Array(1), options, () => false);
    expect(result).toMatchObject({ iterations: 0, converged: false, reason: 'line-search', gradientMax: 6, value: 9 });
    expect(result.evaluations).toBe(41);
  });

  test('the iteration cap is reported as such, not as convergence', async () => {
    const result = await minimizeLbfgs(async ([a, b]) => ({
      value: (1 - a) ** 2 + 100 * (b - a * a) ** 2,
      gradient: Float64Array.from([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)]),
    }), Float64Array.from([-1.2, 1]), { maxIterations: 5, gradientTolerance: 1e-8 }, () => false);
    expect(result).toMatchObject({ iterations: 5, converged: false, reason: 'max-iterations' });
    expect(result.gradientMax).toBeGreaterThan(1e-8);
  });

  test('a NaN objective at the start is reported as non-finite', async () => {
    const result = await minimizeLbfgs(() => ({ value: NaN, gradient: Float64Array.from([1]) }), new Float64Array(1), options, () => false);
    expect(result).toMatchObject({ iterations: 0, converged: false, reason: 'non-finite' });
  });

  test('an objective that is infinite everywhere off the start is reported as non-finite', async () => {
    const result = await minimizeLbfgs((p) => ({ value: p[0] === 0 ? 1 : Infinity, gradient: Float64Array.from([-1]) }), new Float64Array(1), options, () => false);
    expect(result).toMatchObject({ converged: false, reason: 'non-finite', gradientMax: 1, value: 1 });
  });
});
