import { denseModelFiles } from './dense-model-files.ts';
import type { ModelFiles } from './layers-model.ts';

export { TFJS_LAYERS_VERSION } from './dense-model-files.ts';

// A binary logistic-regression model held as typed arrays, scored and serialised without tfjs: a CLI run that fits on
// the host need not load tfjs at all. Both halves copy what tfjs (cpu backend) does, bit for bit, so scores, model
// files, bundle IDs and `reproduce` stay what they were; host-logistic.test.ts holds them against tfjs itself.

// tfjs-backend-cpu's matMul sums the inner dimension in blocks of this many, adding each block into a float32 result.
const CPU_BLOCK = 48;

// The float32 sigmoid score of the d inputs of x at `at`, as tfjs's cpu backend computes a sigmoid Dense layer:
// blockwise float32 matMul, float32 bias add, then 1 / (1 + e^−z) rounded to float32.
function rowScore(x: Float32Array, at: number, w: Float32Array, bias: number, d: number): number {
  let z = 0;
  for (let k0 = 0; k0 < d; k0 += CPU_BLOCK) {
    const end = Math.min(k0 + CPU_BLOCK, d);
    let sum = 0;
    for (let k = k0; k < end; k++) sum += x[at + k] * w[k];
    z = Math.fround(z + sum);
  }
  z = Math.fround(z + bias);
  return Math.fround(1 / (1 + Math.exp(-z)));
}

function checkShapes(coef: Float64Array, x: Float32Array, n: number, d: number): void {
  if (coef.length !== d) throw new Error(`the model has ${coef.length} weights; the rows have ${d} inputs`);
  if (x.length !== n * d) throw new Error(`the matrix holds ${x.length} values; ${n} rows × ${d} inputs need ${n * d}`);
}

/**
 * Sigmoid scores (n, widened from float32) of a row-major float32 matrix [n, d] under `coef` (d) and `intercept`,
 * computed as tfjs's cpu backend computes a sigmoid Dense layer: float32 weights, blockwise float32 matMul, float32
 * bias add, then 1 / (1 + e^−z) rounded to float32.
 */
export function hostLogisticScores(coef: Float64Array, intercept: number, x: Float32Array, n: number, d: number): Float64Array {
  checkShapes(coef, x, n, d);
  const w = Float32Array.from(coef);
  const bias = Math.fround(intercept);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rowScore(x, i * d, w, bias, d);
  return out;
}

/**
 * `hostLogisticScores` of the copy of x whose columns `inputs` row i takes from row order[i] (permutation importance's
 * shuffled copy), without building the copy: the same products in the same order, so the same bits.
 */
export function hostLogisticPermutedScores(coef: Float64Array, intercept: number, x: Float32Array, n: number, d: number, inputs: readonly number[], order: Int32Array): Float64Array {
  checkShapes(coef, x, n, d);
  if (order.length !== n) throw new Error(`the permutation has ${order.length} rows; the matrix has ${n}`);
  const w = Float32Array.from(coef);
  const bias = Math.fround(intercept);
  const columns = Int32Array.from(inputs);
  // The copy's row, one at a time: a choice per product in the inner loop cost more than the copying.
  const copy = new Float32Array(d);
  const out = new Float64Array(n);
  for (let i = 0, row = 0; i < n; i++, row += d) {
    for (let k = 0; k < d; k++) copy[k] = x[row + k];
    const other = order[i] * d;
    for (let t = 0; t < columns.length; t++) copy[columns[t]] = x[other + columns[t]];
    out[i] = rowScore(copy, 0, w, bias, d);
  }
  return out;
}

/**
 * The tfjs LayersModel files (`model.json`, `weights.bin`: kernel [d, 1] then bias, float32) of a one-unit sigmoid
 * Dense layer named "logistic", byte for byte as `saveModelFiles(logisticLayersModel(coef, intercept))` writes them in
 * a fresh process (where tfjs names the model "sequential_1").
 */
export function logisticModelFiles(coef: Float64Array, intercept: number): ModelFiles {
  return denseModelFiles('logistic', 'sigmoid', coef, Float64Array.of(intercept));
}
