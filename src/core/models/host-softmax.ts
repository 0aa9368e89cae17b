import { denseModelFiles } from './dense-model-files.ts';
import type { ModelFiles } from './layers-model.ts';

// A multinomial (softmax) logistic-regression model held as typed arrays, scored and serialised without tfjs, like
// host-logistic.ts for the binary model. Both halves copy what tfjs (cpu backend) does, bit for bit, so scores, model
// files, bundle IDs and `reproduce` stay what they were; host-softmax.test.ts holds them against tfjs itself.

// tfjs-backend-cpu's matMul sums the inner dimension in blocks of this many, adding each block into a float32 result.
const CPU_BLOCK = 48;

/**
 * Softmax probabilities (n × K row-major, widened from float32) of a row-major float32 matrix [n, d] under `coef`
 * (row-major [d, K]) and `intercepts` (K), computed as tfjs's cpu backend computes a softmax Dense layer: float32
 * weights, blockwise float32 matMul, float32 bias add (tfjs-layers fuses only relu/linear/elu, so softmax runs as its
 * own kernel), then the Softmax kernel's max, subtract, exp, sum (float64 accumulator stored as float32) and divide,
 * each stored as float32.
 */
export function hostSoftmaxScores(coef: Float64Array, intercepts: Float64Array, x: Float32Array, n: number, d: number): Float64Array {
  const k = intercepts.length;
  if (k === 0 || coef.length !== d * k) throw new Error(`the model has ${coef.length} weights for ${k} classes; the rows have ${d} inputs, which need ${d * k}`);
  if (x.length !== n * d) throw new Error(`the matrix holds ${x.length} values; ${n} rows × ${d} inputs need ${n * d}`);
  // Transposed to [K, d] so each class's dot product reads its weights contiguously; the values are the float32 kernel.
  const w = new Float32Array(k * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < k; j++) w[j * d + i] = coef[i * k + j];
  // Zero inputs (most of a one-hot design) are skipped: 0 × a finite weight is ±0, which leaves a block's float64
  // sum as it was (a sum that starts at +0 never becomes −0), and a block of zeros adds +0 to the float32 result,
  // so the values are tfjs's exactly. A non-finite weight would make 0 × w NaN, so then every product is summed.
  const skipZeros = w.every(Number.isFinite);
  const bias = Float32Array.from(intercepts);
  const z = new Float32Array(k);
  const e = new Float32Array(k);
  const at = new Int32Array(d);
  const value = new Float64Array(d);
  const out = new Float64Array(n * k);
  for (let i = 0, row = 0; i < n; i++, row += d) {
    let used = 0;
    for (let t = 0; t < d; t++) {
      const v = x[row + t];
      if (v !== 0 || !skipZeros) {
        at[used] = t;
        value[used++] = v;
      }
    }
    for (let j = 0, col = 0; j < k; j++, col += d) {
      let acc = 0;
      for (let p = 0; p < used;) {
        const blockEnd = at[p] - (at[p] % CPU_BLOCK) + CPU_BLOCK;
        let sum = 0;
        for (; p < used && at[p] < blockEnd; p++) sum += value[p] * w[col + at[p]];
        acc = Math.fround(acc + sum);
      }
      z[j] = acc + bias[j];
    }
    // The Max kernel: a NaN wins and then stays.
    let max = z[0];
    for (let j = 0; j < k; j++) if (Number.isNaN(z[j]) || z[j] > max) max = z[j];
    let total = 0;
    for (let j = 0; j < k; j++) {
      e[j] = Math.exp(Math.fround(z[j] - max));
      total += e[j];
    }
    const sum = Math.fround(total);
    for (let j = 0; j < k; j++) out[i * k + j] = Math.fround(e[j] / sum);
  }
  return out;
}

/**
 * The tfjs LayersModel files (`model.json`, `weights.bin`: kernel [d, K] then bias, float32) of a softmax Dense
 * layer named "softmax", byte for byte as `saveModelFiles(softmaxLayersModel(coef, intercepts))` writes them in a
 * fresh process (where tfjs names the model "sequential_1").
 */
export function softmaxModelFiles(coef: Float64Array, intercepts: Float64Array): ModelFiles {
  return denseModelFiles('softmax', 'softmax', coef, intercepts);
}
