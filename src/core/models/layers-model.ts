import { tf, tfl } from './tf.ts';

/** The files of a tfjs LayersModel: `model.json` (topology + weights manifest) and `weights.bin`. */
export interface ModelFiles {
  readonly 'model.json': Uint8Array;
  readonly 'weights.bin': Uint8Array;
}

/** A one-unit sigmoid dense layer holding logistic-regression weights, so it loads with `tf.loadLayersModel`. */
export function logisticLayersModel(coef: Float64Array, intercept: number): tfl.LayersModel {
  const d = coef.length;
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [d], kernelInitializer: 'zeros', name: 'logistic' })],
  });
  const kernel = tf.tensor2d(Float32Array.from(coef), [d, 1]);
  const bias = tf.tensor1d([intercept]);
  model.setWeights([kernel, bias]);
  kernel.dispose();
  bias.dispose();
  return model;
}

/** A softmax dense layer holding multinomial weights (kernel row-major [d, K], one bias per class). */
export function softmaxLayersModel(coef: Float64Array, intercepts: Float64Array): tfl.LayersModel {
  const k = intercepts.length;
  const d = coef.length / k;
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: k, activation: 'softmax', inputShape: [d], kernelInitializer: 'zeros', name: 'softmax' })],
  });
  const kernel = tf.tensor2d(Float32Array.from(coef), [d, k]);
  const bias = tf.tensor1d(Float32Array.from(intercepts));
  model.setWeights([kernel, bias]);
  kernel.dispose();
  bias.dispose();
  return model;
}

/** A model's outputs for a row-major [n, d] matrix, widened to float64: n scores, or n × K probabilities row-major. */
export async function predictScores(model: tfl.LayersModel, x: Float32Array, n: number, d: number): Promise<Float64Array> {
  if (n === 0) return new Float64Array(0);
  const input = tf.tensor2d(x, [n, d]);
  // predict() defaults to batches of 32: thousands of tiny kernel launches, which cost ~40 s for 100k rows on wasm.
  const output = model.predict(input, { batchSize: Math.min(n, 65_536) }) as tf.Tensor;
  const values = await output.data();
  input.dispose();
  output.dispose();
  return Float64Array.from(values);
}

/** Serialises a model in the tfjs LayersModel format without touching storage. */
export async function saveModelFiles(model: tfl.LayersModel): Promise<ModelFiles> {
  let files: ModelFiles | null = null;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const weightData = artifacts.weightData ? tf.io.CompositeArrayBuffer.join(artifacts.weightData) : new ArrayBuffer(0);
    const json = {
      modelTopology: artifacts.modelTopology,
      format: 'layers-model',
      generatedBy: artifacts.generatedBy,
      convertedBy: null,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
    };
    files = { 'model.json': new TextEncoder().encode(JSON.stringify(json)), 'weights.bin': new Uint8Array(weightData) };
    return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
  }));
  if (!files) throw new Error('The model could not be serialised.');
  return files;
}
