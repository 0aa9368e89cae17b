import type { RunConfig } from '../config.ts';
import { logisticLayersModel, softmaxLayersModel } from '../models/layers-model.ts';
import { priorModel } from '../models/prior-model.ts';
import type { tfl } from '../models/tf.ts';
import { trainLogistic, trainSoftmax, type LbfgsOutcome } from '../models/train-logistic.ts';
import { trainMlp } from '../models/train-mlp.ts';
import type { OptimizerReport } from './train-outcome.ts';

/** A trained model ready to score and serialise, with what the optimiser reported. The caller disposes `model`. */
export interface Fitted {
  readonly model: tfl.LayersModel;
  readonly iterations: number;
  readonly converged: boolean;
  readonly stopped: boolean;
  readonly bestEpoch: number | null;
  readonly coef: Float64Array | null;
  readonly intercept: number | null;
  /** Logistic regression only: how L-BFGS ended. */
  readonly optimizer: OptimizerReport | null;
  /** MLP only: how its kernel was chosen (host typed arrays or tfjs), one line for the run's backend notes. */
  readonly kernelNote?: string;
}

type OnStep = (step: number, trainLoss: number, validationLoss: number) => Promise<boolean>;

/**
 * Trains the model the config names on a prepared design: [n, d] float32 rows, labels and sample weights. With
 * `classes` > 2 the labels are class indices and every model is softmax over them; otherwise they are 0/1.
 */
export async function fitModel(
  config: RunConfig,
  train: { x: Float32Array; y: Uint8Array; weights: Float32Array },
  validation: { x: Float32Array; y: Uint8Array },
  d: number,
  onStep: OnStep,
  interrupt?: () => Promise<boolean>,
  classes = 2,
): Promise<Fitted> {
  if (config.model === 'prior') {
    return { model: priorModel(train.y, train.weights, d, classes), iterations: 0, converged: true, stopped: false, bestEpoch: null, coef: null, intercept: null, optimizer: null };
  }
  if (config.model === 'mlp') {
    const fit = await trainMlp(train, validation, d, config.hyperparameters, config.seed, onStep, interrupt, classes);
    return { model: fit.model, iterations: fit.epochs, converged: !fit.stopped && fit.epochs < config.hyperparameters.epochs, stopped: fit.stopped, bestEpoch: fit.bestEpoch, coef: null, intercept: null, optimizer: null, kernelNote: fit.kernelNote };
  }
  const tolerance = config.hyperparameters.gradientTolerance;
  const optimizer = (fit: LbfgsOutcome): OptimizerReport => ({ reason: fit.reason, gradientMax: fit.gradientMax, tolerance, objective: fit.objective, evaluations: fit.evaluations });
  if (classes > 2) {
    const fit = await trainSoftmax(train, validation, d, classes, config.hyperparameters, onStep);
    return {
      model: softmaxLayersModel(fit.coef, fit.intercepts), iterations: fit.iterations, converged: fit.converged, stopped: fit.stopped,
      bestEpoch: null, coef: null, intercept: null, optimizer: optimizer(fit),
    };
  }
  const fit = await trainLogistic(train, validation, d, config.hyperparameters, onStep);
  return {
    model: logisticLayersModel(fit.coef, fit.intercept), iterations: fit.iterations, converged: fit.converged, stopped: fit.stopped,
    bestEpoch: null, coef: fit.coef, intercept: fit.intercept, optimizer: optimizer(fit),
  };
}
