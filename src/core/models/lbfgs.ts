/** Objective value and gradient at a point; the gradient has the point's length. */
export interface Evaluation {
  readonly value: number;
  readonly gradient: Float64Array;
}

export interface LbfgsOptions {
  readonly maxIterations: number;
  /** Stop when the largest |gradient| component falls below this. */
  readonly gradientTolerance: number;
  /** Number of correction pairs kept (sklearn/scipy use 10). */
  readonly memory?: number;
}

/**
 * Why the loop ended: `gradient` (the tolerance was met, the only converged outcome), `line-search` (no step along
 * the search direction lowered the objective: the objective's precision floor, or a bad gradient), `max-iterations`,
 * `non-finite` (the objective or gradient came back NaN/±Infinity) or `stopped` (the caller asked).
 */
export type LbfgsReason = 'gradient' | 'line-search' | 'max-iterations' | 'non-finite' | 'stopped';

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  /** True only when max|gradient| < gradientTolerance at `x`. */
  readonly converged: boolean;
  readonly reason: LbfgsReason;
  /** max|gradient| at `x`. */
  readonly gradientMax: number;
  /** Objective evaluations made, line-search trials included. */
  readonly evaluations: number;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

const maxAbs = (a: Float64Array): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    // NaN must surface, not vanish inside Math.max's comparison.
    if (!(v <= m)) m = Number.isNaN(v) ? NaN : v;
    if (Number.isNaN(m)) return NaN;
  }
  return m;
};

const allFinite = (e: Evaluation): boolean => Number.isFinite(e.value) && Number.isFinite(maxAbs(e.gradient));

// Two-loop recursion: turns the gradient into a quasi-Newton descent direction from the stored (s, y) pairs.
function direction(g: Float64Array, s: Float64Array[], y: Float64Array[]): Float64Array {
  const q = Float64Array.from(g);
  const alpha = new Float64Array(s.length);
  for (let k = s.length - 1; k >= 0; k--) {
    alpha[k] = dot(s[k], q) / dot(y[k], s[k]);
    for (let i = 0; i < q.length; i++) q[i] -= alpha[k] * y[k][i];
  }
  const last = s.length - 1;
  const gamma = last >= 0 ? dot(s[last], y[last]) / dot(y[last], y[last]) : 1;
  for (let i = 0; i < q.length; i++) q[i] *= gamma;
  for (let k = 0; k < s.length; k++) {
    const beta = dot(y[k], q) / dot(y[k], s[k]);
    for (let i = 0; i < q.length; i++) q[i] += s[k][i] * (alpha[k] - beta);
  }
  for (let i = 0; i < q.length; i++) q[i] = -q[i];
  return q;
}

/**
 * Full-batch L-BFGS with an Armijo backtracking line search whose shrink step is the minimiser of the quadratic
 * through f(0), f'(0) and the rejected trial (clamped to [0.1, 0.5] of the step), so a poor first step costs one or
 * two extra evaluations rather than many halvings. The objective may be async (gradients from a GPU); `onIteration`
 * may return true to stop early, keeping the point reached. Converged means the gradient tolerance was met, nothing else.
 */
export async function minimizeLbfgs(
  objective: (x: Float64Array) => Promise<Evaluation> | Evaluation,
  x0: Float64Array,
  options: LbfgsOptions,
  onIteration: (iteration: number, x: Float64Array, value: number) => Promise<boolean> | boolean,
): Promise<LbfgsResult> {
  const memory = options.memory ?? 10;
  let x = Float64Array.from(x0);
  let evaluations = 1;
  let current = await objective(x);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const end = (iterations: number, reason: LbfgsReason): LbfgsResult => {
    const gradientMax = maxAbs(current.gradient);
    return { x, value: current.value, iterations, converged: gradientMax < options.gradientTolerance, reason, gradientMax, evaluations };
  };
  if (!allFinite(current)) return end(0, 'non-finite');
  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    if (maxAbs(current.gradient) < options.gradientTolerance) return end(iteration - 1, 'gradient');
    let d = direction(current.gradient, s, y);
    let slope = dot(d, current.gradient);
    if (!(slope < 0)) {
      // The curvature history went stale; restart from steepest descent.
      s.length = 0;
      y.length = 0;
      d = current.gradient.map((v) => -v);
      slope = dot(d, current.gradient);
    }
    let step = s.length === 0 ? Math.min(1, 1 / Math.max(Math.sqrt(dot(current.gradient, current.gradient)), 1e-12)) : 1;
    let next: Evaluation | null = null;
    let xNext = x;
    let sawNonFinite = false;
    for (let tries = 0; tries < 40; tries++) {
      xNext = x.map((v, i) => v + step * d[i]);
      const candidate = await objective(xNext);
      evaluations++;
      const finite = allFinite(candidate);
      // Strictly lower too: at tiny steps the Armijo bound rounds to f0 itself, and an equal value is no progress.
      if (finite && candidate.value <= current.value + 1e-4 * step * slope && candidate.value < current.value) { next = candidate; break; }
      if (!finite) { sawNonFinite = true; step *= 0.1; continue; }
      sawNonFinite = false;
      // Minimiser of q(t) = f0 + slope·t + c·t² through the rejected trial; safeguarded to [0.1, 0.5]·step.
      const curvature = (candidate.value - current.value - slope * step) / (step * step);
      const t = curvature > 0 ? -slope / (2 * curvature) : 0.5 * step;
      step = Math.min(0.5 * step, Math.max(0.1 * step, t));
    }
    if (!next) return end(iteration - 1, sawNonFinite ? 'non-finite' : 'line-search');
    const sk = xNext.map((v, i) => v - x[i]);
    const yk = next.gradient.map((v, i) => v - current.gradient[i]);
    if (dot(sk, yk) > 1e-12 * dot(yk, yk)) {
      s.push(sk);
      y.push(yk);
      if (s.length > memory) { s.shift(); y.shift(); }
    }
    x = xNext;
    current = next;
    if (await onIteration(iteration, x, current.value)) return end(iteration, 'stopped');
  }
  return end(options.maxIterations, maxAbs(current.gradient) < options.gradientTolerance ? 'gradient' : 'max-iterations');
}
