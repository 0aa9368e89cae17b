import type { LogisticHyperparameters } from './logistic-hyperparameters.ts';
import { minimizeLbfgs } from './lbfgs.ts';
import { disposeDesign, logisticLoss, logisticObjective, uploadDesign, type LogisticEvaluation } from './logistic-objective.ts';
import { disposeClassDesign, softmaxLoss, softmaxObjective, uploadClassDesign } from './softmax-objective.ts';

/** A row-major float32 matrix [n, d] with its labels (0/1, or class indices for softmax). */
export interface Design {
  readonly x: Float32Array;
  readonly y: Uint8Array;
  /** Optional per-row sample weights (class weights). */
  readonly weights?: Float32Array;
}

export interface LogisticFit {
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly stopped: boolean;
}

type OnIteration = (iteration: number, trainLoss: number, validationLoss: number) => boolean | Promise<boolean>;

// The shared L-BFGS driver: minimises from zeros and reports train and validation mean log loss after each iteration.
async function minimizeLinear(
  objective: (params: Float64Array) => Promise<LogisticEvaluation>,
  validationLoss: ((params: Float64Array) => Promise<number>) | null,
  size: number,
  hyper: LogisticHyperparameters,
  onIteration: OnIteration,
) {
  let lastLogLoss = NaN;
  const tracked = async (params: Float64Array) => {
    const e = await objective(params);
    lastLogLoss = e.logLoss;
    return e;
  };
  return minimizeLbfgs(tracked, new Float64Array(size), { maxIterations: hyper.maxIterations, gradientTolerance: hyper.gradientTolerance }, async (iteration, x) =>
    onIteration(iteration, lastLogLoss, validationLoss ? await validationLoss(x) : NaN));
}

/**
 * Fits L2 logistic regression to convergence with full-batch L-BFGS: gradients from tfjs on the active backend,
 * the two-loop recursion in float64 on the CPU. `onIteration` gets train and validation mean log loss and may stop the run.
 */
export async function trainLogistic(train: Design, validation: Design, d: number, hyper: LogisticHyperparameters, onIteration: OnIteration): Promise<LogisticFit> {
  const trainT = uploadDesign(train.x, train.y, d, train.weights);
  const valT = uploadDesign(validation.x, validation.y, d);
  try {
    const result = await minimizeLinear(logisticObjective(trainT, hyper.C), validation.y.length ? (x) => logisticLoss(valT, x) : null, d + 1, hyper, onIteration);
    return { coef: result.x.slice(0, d), intercept: result.x[d], iterations: result.iterations, converged: result.converged, stopped: result.reason === 'stopped' };
  } finally {
    disposeDesign(trainT);
    disposeDesign(valT);
  }
}

/** A multinomial fit: the kernel row-major [d, K] and one intercept per class. */
export interface SoftmaxFit {
  readonly coef: Float64Array;
  readonly intercepts: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly stopped: boolean;
}

/** Multinomial (softmax) logistic regression over `classes` classes, solved like `trainLogistic`; `y` holds class indices. */
export async function trainSoftmax(train: Design, validation: Design, d: number, classes: number, hyper: LogisticHyperparameters, onIteration: OnIteration): Promise<SoftmaxFit> {
  const trainT = uploadClassDesign(train.x, train.y, d, classes, train.weights);
  const valT = uploadClassDesign(validation.x, validation.y, d, classes);
  try {
    const result = await minimizeLinear(softmaxObjective(trainT, hyper.C), validation.y.length ? (x) => softmaxLoss(valT, x) : null, d * classes + classes, hyper, onIteration);
    return { coef: result.x.slice(0, d * classes), intercepts: result.x.slice(d * classes), iterations: result.iterations, converged: result.converged, stopped: result.reason === 'stopped' };
  } finally {
    disposeClassDesign(trainT);
    disposeClassDesign(valT);
  }
}
