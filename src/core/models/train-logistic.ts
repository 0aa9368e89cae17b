import type { LogisticHyperparameters } from './logistic-hyperparameters.ts';
import { minimizeLbfgs, type LbfgsReason } from './lbfgs.ts';
import { linearDesign, linearLoss, linearObjective, type LinearEvaluation } from './linear-objective.ts';

/** A row-major float32 matrix [n, d] with its labels (0/1, or class indices for softmax). */
export interface Design {
  readonly x: Float32Array;
  readonly y: Uint8Array;
  /** Optional per-row sample weights (class weights). */
  readonly weights?: Float32Array;
}

/** What L-BFGS reported for a fit: converged only when max|gradient| met the tolerance, otherwise why it ended. */
export interface LbfgsOutcome {
  readonly iterations: number;
  readonly converged: boolean;
  readonly stopped: boolean;
  readonly reason: LbfgsReason;
  /** max|gradient| of the (C·n-scaled) objective at the returned weights. */
  readonly gradientMax: number;
  /** The objective there: mean weighted log loss + ‖W‖²/(2Cn). */
  readonly objective: number;
  /** Objective evaluations, line-search trials included. */
  readonly evaluations: number;
}

export interface LogisticFit extends LbfgsOutcome {
  readonly coef: Float64Array;
  readonly intercept: number;
}

type OnIteration = (iteration: number, trainLoss: number, validationLoss: number) => boolean | Promise<boolean>;

// The shared L-BFGS driver: minimises from zeros and reports train and validation mean log loss after each iteration.
async function minimizeLinear(train: Design, validation: Design, d: number, classes: number, hyper: LogisticHyperparameters, onIteration: OnIteration) {
  const objective = linearObjective(linearDesign(train.x, train.y, d, classes, train.weights), hyper.C);
  const held = validation.y.length ? linearDesign(validation.x, validation.y, d, classes) : null;
  const k = classes > 2 ? classes : 1;
  let last: LinearEvaluation | null = null;
  const tracked = (params: Float64Array) => (last = objective(params));
  const result = await minimizeLbfgs(tracked, new Float64Array(d * k + k), { maxIterations: hyper.maxIterations, gradientTolerance: hyper.gradientTolerance }, async (iteration, x) =>
    onIteration(iteration, last?.logLoss ?? NaN, held ? linearLoss(held, x) : NaN));
  const outcome: LbfgsOutcome = {
    iterations: result.iterations, converged: result.converged, stopped: result.reason === 'stopped', reason: result.reason,
    gradientMax: result.gradientMax, objective: result.value, evaluations: result.evaluations,
  };
  return { x: result.x, outcome };
}

/**
 * Fits L2 logistic regression with full-batch L-BFGS; objective and gradient in float64 on the host (see
 * `linearObjective`), so the result does not depend on the tfjs backend. `onIteration` gets train and validation mean
 * log loss and may stop the run.
 */
export async function trainLogistic(train: Design, validation: Design, d: number, hyper: LogisticHyperparameters, onIteration: OnIteration): Promise<LogisticFit> {
  const { x, outcome } = await minimizeLinear(train, validation, d, 2, hyper, onIteration);
  return { coef: x.slice(0, d), intercept: x[d], ...outcome };
}

/** A multinomial fit: the kernel row-major [d, K] and one intercept per class. */
export interface SoftmaxFit extends LbfgsOutcome {
  readonly coef: Float64Array;
  readonly intercepts: Float64Array;
}

/** Multinomial (softmax) logistic regression over `classes` classes, solved like `trainLogistic`; `y` holds class indices. */
export async function trainSoftmax(train: Design, validation: Design, d: number, classes: number, hyper: LogisticHyperparameters, onIteration: OnIteration): Promise<SoftmaxFit> {
  const { x, outcome } = await minimizeLinear(train, validation, d, classes, hyper, onIteration);
  return { coef: x.slice(0, d * classes), intercepts: x.slice(d * classes), ...outcome };
}
