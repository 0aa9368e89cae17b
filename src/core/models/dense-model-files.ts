import type { ModelFiles } from './layers-model.ts';

/** The tfjs-layers version whose model.json this writes (its `keras_version` and `generatedBy`); a test pins it to the installed one. */
export const TFJS_LAYERS_VERSION = '4.22.0';

/**
 * The tfjs LayersModel files (`model.json`, `weights.bin`: kernel [d, units] row-major then bias, float32) of a
 * one-layer Sequential model holding a Dense layer `name`, byte for byte as tfjs's `model.save` writes them (through
 * `saveModelFiles`) in a fresh process, where tfjs names the first model "sequential_1".
 */
export function denseModelFiles(name: string, activation: string, kernel: Float64Array, bias: Float64Array): ModelFiles {
  const units = bias.length;
  const d = kernel.length / units;
  const layer = {
    class_name: 'Dense',
    config: {
      units, activation, use_bias: true,
      kernel_initializer: { class_name: 'Zeros', config: {} }, bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
      name, trainable: true, batch_input_shape: [null, d], dtype: 'float32',
    },
  };
  const json = {
    modelTopology: {
      class_name: 'Sequential', config: { name: 'sequential_1', layers: [layer] },
      keras_version: `tfjs-layers ${TFJS_LAYERS_VERSION}`, backend: 'tensor_flow.js',
    },
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${TFJS_LAYERS_VERSION}`,
    convertedBy: null,
    weightsManifest: [{
      paths: ['weights.bin'],
      weights: [{ name: `${name}/kernel`, shape: [d, units], dtype: 'float32' }, { name: `${name}/bias`, shape: [units], dtype: 'float32' }],
    }],
  };
  const weights = new Float32Array(kernel.length + units);
  weights.set(kernel);
  weights.set(bias, kernel.length);
  return { 'model.json': new TextEncoder().encode(JSON.stringify(json)), 'weights.bin': new Uint8Array(weights.buffer) };
}
