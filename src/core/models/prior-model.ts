import { logisticLayersModel, softmaxLayersModel } from './layers-model.ts';
import type { tfl } from './tf.ts';

/**
 * The prior baseline as a LayersModel: zero weights and a bias of logit(base rate), so every row scores the training
 * base rate. With `classes` > 2 it is a softmax layer whose biases are log(class rate), so every row gets the training
 * class distribution. It exports and loads like any other model; its AUC is exactly 0.5.
 */
export function priorModel(trainLabels: Uint8Array, weights: Float32Array, d: number, classes = 2): tfl.LayersModel {
  const mass = new Float64Array(Math.max(classes, 2));
  let total = 0;
  for (let i = 0; i < trainLabels.length; i++) {
    total += weights[i];
    mass[trainLabels[i]] += weights[i];
  }
  // Clamp away from 0 and 1 so the logits stay finite on a (blocked elsewhere) one-class split.
  const rate = (k: number) => Math.min(1 - 1e-6, Math.max(1e-6, total > 0 ? mass[k] / total : 1 / mass.length));
  if (classes > 2) return softmaxLayersModel(new Float64Array(d * classes), Float64Array.from(mass, (_, k) => Math.log(rate(k))));
  return logisticLayersModel(new Float64Array(d), Math.log(rate(1) / (1 - rate(1))));
}
