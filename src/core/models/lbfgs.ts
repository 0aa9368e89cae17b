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

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Why the loop ended. */
  readonly reason: 'gradient' | 'no-progress' | 'max-iterations' | 'stopped';
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

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
 * Full-batch L-BFGS with a backtracking Armijo line search. The objective is async so gradients can come from a GPU;
 * `onIteration` may return true to stop early, keeping the best point so far.
 */
export async function minimizeLbfgs(
  objective: (x: Float64Array) => Promise<Evaluation>,
  x0: Float64Array,
  options: LbfgsOptions,
  onIteration: (iteration: number, x: Float64Array, value: number) => Promise<boolean> | boolean,
): Promise<LbfgsResult> {
  const memory = options.memory ?? 10;
  let x = Float64Array.from(x0);
  let current = await objective(x);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    if (maxAbs(current.gradient) < options.gradientTolerance) return { x, value: current.value, iterations: iteration - 1, converged: true, reason: 'gradient' };
    let d = direction(current.gradient, s, y);
    let slope = dot(d, current.gradient);
    if (!(slope < 0)) {
      // The curvature history went stale; restart from steepest descent.
      s.length = 0;
      y.length = 0;
      d = current.gradient.map((v) => -v);
      slope = dot(d, current.gradient);
    }
    let step = s.length === 0 ? Math.min(1, 1 / Math.max(maxAbs(current.gradient), 1e-12)) : 1;
    let next: Evaluation | null = null;
    let xNext = x;
    for (let tries = 0; tries < 40; tries++) {
      xNext = x.map((v, i) => v + step * d[i]);
      const candidate = await objective(xNext);
      if (Number.isFinite(candidate.value) && candidate.value <= current.value + 1e-4 * step * slope) { next = candidate; break; }
      step *= 0.5;
    }
    // No decrease found: we are at the precision floor of the float32 objective.
    if (!next) return { x, value: current.value, iterations: iteration - 1, converged: maxAbs(current.gradient) < options.gradientTolerance * 100, reason: 'no-progress' };
    const sk = xNext.map((v, i) => v - x[i]);
    const yk = next.gradient.map((v, i) => v - current.gradient[i]);
    if (dot(sk, yk) > 1e-12) {
      s.push(sk);
      y.push(yk);
      if (s.length > memory) { s.shift(); y.shift(); }
    }
    x = xNext;
    current = next;
    if (await onIteration(iteration, x, current.value)) return { x, value: current.value, iterations: iteration, converged: false, reason: 'stopped' };
  }
  return { x, value: current.value, iterations: options.maxIterations, converged: maxAbs(current.gradient) < options.gradientTolerance, reason: 'max-iterations' };
}
