import type { Random } from '../random.ts';

/**
 * Constants for drawing from one Poisson(lambda), computed once so a bootstrap that draws the same lambda
 * thousands of times pays for the square root and logarithms only once.
 */
export interface PoissonPlan {
  readonly lambda: number;
  /** e^-lambda = P(X = 0), where inversion starts (lambda < 10). */
  readonly expNeg: number;
  // PTRS constants (Hörmann 1993), names as in the paper; unused below lambda 10.
  readonly logLambda: number;
  readonly a: number;
  readonly b: number;
  readonly vr: number;
  readonly logInvAlpha: number;
}

/** Precomputes the constants for Poisson(lambda); lambda must be finite and >= 0. */
export function preparePoisson(lambda: number): PoissonPlan {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new Error(`Poisson lambda must be a finite number >= 0, got ${lambda}`);
  }
  const b = 0.931 + 2.53 * Math.sqrt(lambda);
  return {
    lambda,
    expNeg: Math.exp(-lambda),
    logLambda: lambda > 0 ? Math.log(lambda) : 0,
    a: -0.059 + 0.02483 * b,
    b,
    vr: 0.9277 - 3.6224 / (b - 2),
    logInvAlpha: Math.log(1.1239 + 1.1328 / (b - 3.4)),
  };
}

// Coefficients of the Stirling series for log Γ (as numpy's random_loggam), accurate to double precision for x >= 7.
const STIRLING = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(k!) for an integer k >= 0, from the Stirling series. */
function logFactorialSeries(k: number): number {
  let x = k + 1;
  if (x <= 2) return 0;
  // Shift small arguments up into the series' accurate range, then undo the shift with log Γ(x) = log Γ(x+1) - log x.
  let shift = 0;
  if (x < 7) {
    shift = 7 - x;
    x = 7;
  }
  const x2 = 1 / (x * x);
  let series = STIRLING[9] as number;
  for (let i = 8; i >= 0; i--) series = series * x2 + (STIRLING[i] as number);
  let lg = series / x + HALF_LOG_2PI + (x - 0.5) * Math.log(x) - x;
  for (let i = 0; i < shift; i++) lg -= Math.log(--x);
  return lg;
}

// PTRS's rejection test needs log(k!) for k near lambda; a table spares the series for the common small k.
const LOG_FACTORIAL = Float64Array.from({ length: 1024 }, (_, k) => logFactorialSeries(k));

function logFactorial(k: number): number {
  return k < 1024 ? (LOG_FACTORIAL[k] as number) : logFactorialSeries(k);
}

/** One exact Poisson draw from a prepared plan: inversion below lambda 10, PTRS transformed rejection above. */
export function samplePoisson(plan: PoissonPlan, random: Random): number {
  const lambda = plan.lambda;
  if (lambda === 0) return 0;
  if (lambda < 10) {
    // Inversion by sequential search from k = 0: one uniform per draw (the multiplication method needs lambda + 1,
    // and uniforms dominate the cost), expected lambda + 1 cheap steps; e^-lambda > 4e-5 here, so nothing underflows.
    const u = random.next();
    let k = 0;
    let p = plan.expNeg;
    let cdf = p;
    while (u >= cdf && p > 0) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  const { a, b, vr } = plan;
  for (;;) {
    const u = random.next() - 0.5;
    const v = random.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    // Squeeze: many draws (about half at lambda 24, 70% at lambda 200) are accepted without evaluating the density.
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const logAccept = -lambda + k * plan.logLambda - logFactorial(k);
    if (Math.log(v) + plan.logInvAlpha - Math.log(a / (us * us) + b) <= logAccept) return k;
  }
}

/** One exact draw from Poisson(lambda) (lambda >= 0; 0 gives 0) using the seeded source. */
export function poissonSample(lambda: number, random: Random): number {
  return samplePoisson(preparePoisson(lambda), random);
}
