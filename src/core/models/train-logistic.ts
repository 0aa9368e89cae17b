import type { LogisticHyperparameters } from '../config.ts';
import { minimizeLbfgs } from './lbfgs.ts';
import { disposeDesign, logisticLoss, logisticObjective, uploadDesign } from './logistic-objective.ts';

/** A row-major float32 matrix [n, d] with its 0/1 labels. */
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

/**
 * Fits L2 logistic regression to convergence with full-batch L-BFGS: gradients from tfjs on the active backend,
 * the two-loop recursion in float64 on the CPU. `onIteration` gets train and validation mean log loss and may stop the run.
 */
export async function trainLogistic(
  train: Design,
  validation: Design,
  d: number,
  hyper: LogisticHyperparameters,
  onIteration: (iteration: number, trainLoss: number, validationLoss: number) => boolean | Promise<boolean>,
): Promise<LogisticFit> {
  const trainT = uploadDesign(train.x, train.y, d, train.weights);
  const valT = uploadDesign(validation.x, validation.y, d);
  try {
    const objective = logisticObjective(trainT, hyper.C);
    let lastLogLoss = NaN;
    const tracked = async (params: Float64Array) => {
      const e = await objective(params);
      lastLogLoss = e.logLoss;
      return e;
    };
    const result = await minimizeLbfgs(tracked, new Float64Array(d + 1), { maxIterations: hyper.maxIterations, gradientTolerance: hyper.gradientTolerance }, async (iteration, x) => {
      const valLoss = validation.y.length ? await logisticLoss(valT, x) : NaN;
      return onIteration(iteration, lastLogLoss, valLoss);
    });
    return { coef: result.x.slice(0, d), intercept: result.x[d], iterations: result.iterations, converged: result.converged, stopped: result.reason === 'stopped' };
  } finally {
    disposeDesign(trainT);
    disposeDesign(valT);
  }
}
