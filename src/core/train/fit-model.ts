import type { RunConfig } from '../config.ts';
import { hostLogisticPermutedScores, hostLogisticScores, logisticModelFiles } from '../models/host-logistic.ts';
import { hostSoftmaxScorer, softmaxModelFiles } from '../models/host-softmax.ts';
import type { ModelFiles } from '../models/layers-model.ts';
import type { MlpKernel } from '../models/mlp-kernel.ts';
import type { tfl } from '../models/tf.ts';
import { trainLogistic, trainSoftmax, type LbfgsOutcome } from '../models/train-logistic.ts';
import type { OptimizerReport } from './train-outcome.ts';

/** A fitted model as a run uses it: scores for row-major float32 rows [n, d], its saved files, and release. */
export interface TrainedModel {
  /** n scores, or n × K probabilities row-major, widened to float64. */
  predict(x: Float32Array, n: number, d: number): Promise<Float64Array>;
  /** Where a model can: `predict` of x with the columns `inputs` taken from row order[i], without building that copy. */
  predictPermuted?(x: Float32Array, n: number, d: number, inputs: readonly number[], order: Int32Array): Promise<Float64Array>;
  files(): Promise<ModelFiles>;
  dispose(): void;
}

/** A trained model ready to score and serialise, with what the optimiser reported. The caller disposes `model`. */
export interface Fitted {
  readonly model: TrainedModel;
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

// tfjs loads only for the models that need it, so a host-only logistic run never pays for it.
async function layersModel(model: tfl.LayersModel): Promise<TrainedModel> {
  const { predictScores, saveModelFiles } = await import('../models/layers-model.ts');
  return { predict: (x, n, d) => predictScores(model, x, n, d), files: () => saveModelFiles(model), dispose: () => model.dispose() };
}

/**
 * Trains the model the config names on a prepared design: [n, d] float32 rows, labels and sample weights. With
 * `classes` > 2 the labels are class indices and every model is softmax over them; otherwise they are 0/1.
 * `host`: score and save a logistic model (binary or multinomial) without tfjs (bit-identical to tfjs's cpu backend,
 * so only when that is the backend the run would use). `mlpKernel`: an MLP's kernel, or 'auto' to choose (trainMlp).
 */
export async function fitModel(
  config: RunConfig,
  train: { x: Float32Array; y: Uint8Array; weights: Float32Array },
  validation: { x: Float32Array; y: Uint8Array },
  d: number,
  onStep: OnStep,
  interrupt?: () => Promise<boolean>,
  classes = 2,
  host = false,
  mlpKernel: MlpKernel | 'auto' = 'auto',
): Promise<Fitted> {
  if (config.model === 'prior') {
    const { priorModel } = await import('../models/prior-model.ts');
    return { model: await layersModel(priorModel(train.y, train.weights, d, classes)), iterations: 0, converged: true, stopped: false, bestEpoch: null, coef: null, intercept: null, optimizer: null };
  }
  if (config.model === 'mlp') {
    const { trainMlp } = await import('../models/train-mlp.ts');
    const fit = await trainMlp(train, validation, d, config.hyperparameters, config.seed, onStep, interrupt, classes, mlpKernel);
    return { model: await layersModel(fit.model), iterations: fit.epochs, converged: !fit.stopped && fit.epochs < config.hyperparameters.epochs, stopped: fit.stopped, bestEpoch: fit.bestEpoch, coef: null, intercept: null, optimizer: null, kernelNote: fit.kernelNote };
  }
  const tolerance = config.hyperparameters.gradientTolerance;
  const optimizer = (fit: LbfgsOutcome): OptimizerReport => ({ reason: fit.reason, gradientMax: fit.gradientMax, tolerance, objective: fit.objective, evaluations: fit.evaluations });
  if (classes > 2) {
    const fit = await trainSoftmax(train, validation, d, classes, config.hyperparameters, onStep);
    let model: TrainedModel;
    if (host) {
      const scorer = hostSoftmaxScorer(fit.coef, fit.intercepts);
      model = {
        predict: async (x, n, m) => scorer.scores(x, n, m),
        predictPermuted: async (x, n, m, inputs, order) => scorer.permutedScores(x, n, m, inputs, order),
        files: async () => softmaxModelFiles(fit.coef, fit.intercepts), dispose: () => {},
      };
    } else {
      const { softmaxLayersModel } = await import('../models/layers-model.ts');
      model = await layersModel(softmaxLayersModel(fit.coef, fit.intercepts));
    }
    return {
      model, iterations: fit.iterations, converged: fit.converged, stopped: fit.stopped,
      bestEpoch: null, coef: null, intercept: null, optimizer: optimizer(fit),
    };
  }
  const fit = await trainLogistic(train, validation, d, config.hyperparameters, onStep);
  let model: TrainedModel;
  if (host) {
    model = {
      predict: async (x, n, m) => hostLogisticScores(fit.coef, fit.intercept, x, n, m),
      predictPermuted: async (x, n, m, inputs, order) => hostLogisticPermutedScores(fit.coef, fit.intercept, x, n, m, inputs, order),
      files: async () => logisticModelFiles(fit.coef, fit.intercept), dispose: () => {},
    };
  } else {
    const { logisticLayersModel } = await import('../models/layers-model.ts');
    model = await layersModel(logisticLayersModel(fit.coef, fit.intercept));
  }
  return {
    model, iterations: fit.iterations, converged: fit.converged, stopped: fit.stopped,
    bestEpoch: null, coef: fit.coef, intercept: fit.intercept, optimizer: optimizer(fit),
  };
}
