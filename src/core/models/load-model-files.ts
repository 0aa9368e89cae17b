import type { ModelFiles } from './layers-model.ts';
import { tf, tfl } from './tf.ts';

/**
 * A LayersModel from a bundle's `model.json` and `weights.bin` bytes, through tfjs's own in-memory loader: the
 * topology is data (no custom layers, nothing evaluated). Throws a plain message when either file is malformed.
 */
export async function loadModelFiles(files: ModelFiles): Promise<tfl.LayersModel> {
  const json = JSON.parse(new TextDecoder().decode(files['model.json'])) as { modelTopology?: object; weightsManifest?: { weights: tf.io.WeightsManifestEntry[] }[] };
  if (!json.modelTopology || !json.weightsManifest) throw new Error('model.json is not a tfjs LayersModel (no modelTopology or weightsManifest).');
  const weights = files['weights.bin'];
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((m) => m.weights), weightData }));
}
