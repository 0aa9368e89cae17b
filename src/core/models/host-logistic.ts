import type { ModelFiles } from './layers-model.ts';

// A binary logistic-regression model held as typed arrays, scored and serialised without tfjs: a CLI run that fits on
// the host need not load tfjs at all. Both halves copy what tfjs (cpu backend) does, bit for bit, so scores, model
// files, bundle IDs and `reproduce` stay what they were; host-logistic.test.ts holds them against tfjs itself.

/** The tfjs-layers version whose model.json this writes (its `keras_version` and `generatedBy`); a test pins it to the installed one. */
export const TFJS_LAYERS_VERSION = '4.22.0';

// tfjs-backend-cpu's matMul sums the inner dimension in blocks of this many, adding each block into a float32 result.
const CPU_BLOCK = 48;

/**
 * Sigmoid scores (n, widened from float32) of a row-major float32 matrix [n, d] under `coef` (d) and `intercept`,
 * computed as tfjs's cpu backend computes a sigmoid Dense layer: float32 weights, blockwise float32 matMul, float32
 * bias add, then 1 / (1 + e^−z) rounded to float32.
 */
export function hostLogisticScores(coef: Float64Array, intercept: number, x: Float32Array, n: number, d: number): Float64Array {
  if (coef.length !== d) throw new Error(`the model has ${coef.length} weights; the rows have ${d} inputs`);
  if (x.length !== n * d) throw new Error(`the matrix holds ${x.length} values; ${n} rows × ${d} inputs need ${n * d}`);
  const w = Float32Array.from(coef);
  const bias = Math.fround(intercept);
  const out = new Float64Array(n);
  for (let i = 0, row = 0; i < n; i++, row += d) {
    let z = 0;
    for (let k0 = 0; k0 < d; k0 += CPU_BLOCK) {
      const end = Math.min(k0 + CPU_BLOCK, d);
      let sum = 0;
      for (let k = k0; k < end; k++) sum += x[row + k] * w[k];
      z = Math.fround(z + sum);
    }
    z = Math.fround(z + bias);
    out[i] = Math.fround(1 / (1 + Math.exp(-z)));
  }
  return out;
}

/**
 * The tfjs LayersModel files (`model.json`, `weights.bin`: kernel [d, 1] then bias, float32) of a one-unit sigmoid
 * Dense layer named "logistic", byte for byte as `saveModelFiles(logisticLayersModel(coef, intercept))` writes them in
 * a fresh process (where tfjs names the model "sequential_1").
 */
export function logisticModelFiles(coef: Float64Array, intercept: number): ModelFiles {
  const d = coef.length;
  const layer = {
    class_name: 'Dense',
    config: {
      units: 1, activation: 'sigmoid', use_bias: true,
      kernel_initializer: { class_name: 'Zeros', config: {} }, bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
      name: 'logistic', trainable: true, batch_input_shape: [null, d], dtype: 'float32',
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
      weights: [{ name: 'logistic/kernel', shape: [d, 1], dtype: 'float32' }, { name: 'logistic/bias', shape: [1], dtype: 'float32' }],
    }],
  };
  const weights = new Float32Array(d + 1);
  weights.set(coef);
  weights[d] = intercept;
  return { 'model.json': new TextEncoder().encode(JSON.stringify(json)), 'weights.bin': new Uint8Array(weights.buffer) };
}
