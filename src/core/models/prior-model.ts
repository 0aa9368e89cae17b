import { logisticLayersModel } from './layers-model.ts';
import type { tfl } from './tf.ts';

/**
 * The prior baseline as a LayersModel: zero weights and a bias of logit(base rate), so every row scores the training
 * base rate. It exports and loads like any other model; its AUC is exactly 0.5.
 */
export function priorModel(trainLabels: Uint8Array, weights: Float32Array, d: number): tfl.LayersModel {
  let positive = 0;
  let total = 0;
  for (let i = 0; i < trainLabels.length; i++) {
    total += weights[i];
    if (trainLabels[i]) positive += weights[i];
  }
  // Clamp away from 0 and 1 so the logit stays finite on a (blocked elsewhere) one-class split.
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, total > 0 ? positive / total : 0.5));
  return logisticLayersModel(new Float64Array(d), Math.log(rate / (1 - rate)));
}
