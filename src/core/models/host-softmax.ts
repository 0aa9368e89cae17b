import { denseModelFiles } from './dense-model-files.ts';
import type { ModelFiles } from './layers-model.ts';

// A multinomial (softmax) logistic-regression model held as typed arrays, scored and serialised without tfjs, like
// host-logistic.ts for the binary model. Both halves copy what tfjs (cpu backend) does, bit for bit, so scores, model
// files, bundle IDs and `reproduce` stay what they were; host-softmax.test.ts holds them against tfjs itself.

// tfjs-backend-cpu's matMul sums the inner dimension in blocks of this many, adding each block into a float32 result.
const CPU_BLOCK = 48;

/** A softmax model scoring row-major float32 rows [n, d] as tfjs's cpu backend does (see `hostSoftmaxScores`). */
export interface HostSoftmaxScorer {
  /** n × K probabilities, row-major, widened from float32. */
  scores(x: Float32Array, n: number, d: number): Float64Array;
  /**
   * The scores of `x` with the columns `inputs` taken from row `order[i]` instead of row i (a permutation-importance
   * copy), equal to `scores` of that copy without building it. `x`'s non-zero inputs and scores are computed once
   * and kept for the next call with the same array, which must not change in between.
   */
  permutedScores(x: Float32Array, n: number, d: number, inputs: readonly number[], order: Int32Array): Float64Array;
}

// The inputs of each row that enter the sums (column order), the row's entries at rowStart[i]..rowStart[i + 1].
interface RowEntries {
  readonly rowStart: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float64Array;
}

function rowEntries(x: Float32Array, n: number, d: number, keepZeros: boolean): RowEntries {
  let count = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0 || keepZeros) count++;
  const rowStart = new Int32Array(n + 1);
  const columns = new Int32Array(count);
  const values = new Float64Array(count);
  for (let i = 0, at = 0; i < n; i++) {
    rowStart[i] = at;
    for (let t = 0, row = i * d; t < d; t++) {
      const v = x[row + t];
      if (v !== 0 || keepZeros) { columns[at] = t; values[at++] = v; }
    }
    rowStart[i + 1] = at;
  }
  return { rowStart, columns, values };
}

/**
 * A scorer for the multinomial model `coef` (row-major [d, K]) and `intercepts` (K), computed as tfjs's cpu backend
 * computes a softmax Dense layer: float32 weights, blockwise float32 matMul, float32 bias add (tfjs-layers fuses
 * only relu/linear/elu, so softmax runs as its own kernel), then the Softmax kernel's max, subtract, exp, sum
 * (float64 accumulator stored as float32) and divide, each stored as float32.
 */
export function hostSoftmaxScorer(coef: Float64Array, intercepts: Float64Array): HostSoftmaxScorer {
  const k = intercepts.length;
  const d = k === 0 ? 0 : coef.length / k;
  if (k === 0 || !Number.isInteger(d)) throw new Error(`the model has ${coef.length} weights for ${k} classes, not a whole number per class`);
  // Transposed to [K, d] so each class's dot product reads its weights contiguously; the values are the float32 kernel.
  const w = new Float32Array(k * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < k; j++) w[j * d + i] = coef[i * k + j];
  // Zero inputs (most of a one-hot design) are skipped: 0 × a finite weight is ±0, which leaves a block's float64
  // sum as it was (a sum that starts at +0 never becomes −0), and a block of zeros adds +0 to the float32 result,
  // so the values are tfjs's exactly. A non-finite weight would make 0 × w NaN, so then every product is summed.
  const keepZeros = !w.every(Number.isFinite);
  const bias = Float32Array.from(intercepts);
  const z = new Float32Array(k);
  const e = new Float32Array(k);
  const check = (x: Float32Array, n: number, m: number) => {
    if (m !== d) throw new Error(`the model has ${coef.length} weights for ${k} classes; the rows have ${m} inputs, which need ${m * k}`);
    if (x.length !== n * d) throw new Error(`the matrix holds ${x.length} values; ${n} rows × ${d} inputs need ${n * d}`);
  };

  // One row's probabilities into out[offset..offset + K) from its entries columns/values[from..to), in column order.
  const scoreRow = (columns: Int32Array, values: Float64Array, from: number, to: number, out: Float64Array, offset: number) => {
    for (let j = 0, col = 0; j < k; j++, col += d) {
      let acc = 0;
      for (let p = from; p < to;) {
        const blockEnd = columns[p] - (columns[p] % CPU_BLOCK) + CPU_BLOCK;
        let sum = 0;
        for (; p < to && columns[p] < blockEnd; p++) sum += values[p] * w[col + columns[p]];
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
    for (let j = 0; j < k; j++) out[offset + j] = Math.fround(e[j] / sum);
  };

  let indexed: { x: Float32Array; entries: RowEntries; base: Float64Array } | null = null;
  const columns = new Int32Array(d);
  const values = new Float64Array(d);
  const taken = new Uint8Array(d);
  const scores = (x: Float32Array, n: number, m: number): Float64Array => {
    check(x, n, m);
    const out = new Float64Array(n * k);
    for (let i = 0, row = 0; i < n; i++, row += d) {
      let used = 0;
      for (let t = 0; t < d; t++) {
        const v = x[row + t];
        if (v !== 0 || keepZeros) { columns[used] = t; values[used++] = v; }
      }
      scoreRow(columns, values, 0, used, out, i * k);
    }
    return out;
  };
  return {
    scores,
    permutedScores(x, n, m, inputs, order) {
      check(x, n, m);
      if (order.length !== n) throw new Error(`the permutation has ${order.length} rows; the matrix has ${n}`);
      if (indexed?.x !== x) indexed = { x, entries: rowEntries(x, n, d, keepZeros), base: scores(x, n, d) };
      const { entries: { rowStart, columns: at, values: value }, base } = indexed;
      taken.fill(0);
      for (const t of inputs) taken[t] = 1;
      // Whether the rows' entries at a..aEnd and b..bEnd agree on the taken columns (then the copy's row is the row).
      const sameTaken = (a: number, aEnd: number, b: number, bEnd: number): boolean => {
        for (;; a++, b++) {
          while (a < aEnd && !taken[at[a]]) a++;
          while (b < bEnd && !taken[at[b]]) b++;
          if (a === aEnd || b === bEnd) return a === aEnd && b === bEnd;
          if (at[a] !== at[b] || value[a] !== value[b]) return false;
        }
      };
      const out = new Float64Array(n * k);
      for (let i = 0; i < n; i++) {
        let a = rowStart[i];
        const aEnd = rowStart[i + 1];
        let b = rowStart[order[i]];
        const bEnd = rowStart[order[i] + 1];
        // A row drawn with the same values there (a shared category, a common 0) scores as it did unshuffled; the
        // values compared with === (±0 agree, and give the same sums; NaN never agrees, so it is recomputed).
        if (sameTaken(a, aEnd, b, bEnd)) {
          out.set(base.subarray(i * k, (i + 1) * k), i * k);
          continue;
        }
        // Otherwise row i's own entries outside `inputs`, merged in column order with row order[i]'s inside them.
        let used = 0;
        for (;;) {
          while (a < aEnd && taken[at[a]]) a++;
          while (b < bEnd && !taken[at[b]]) b++;
          if (a === aEnd && b === bEnd) break;
          const fromA = b === bEnd || (a < aEnd && at[a] < at[b]);
          const p = fromA ? a++ : b++;
          columns[used] = at[p];
          values[used++] = value[p];
        }
        scoreRow(columns, values, 0, used, out, i * k);
      }
      return out;
    },
  };
}

/**
 * Softmax probabilities (n × K row-major, widened from float32) of a row-major float32 matrix [n, d] under `coef`
 * (row-major [d, K]) and `intercepts` (K), bit for bit as tfjs's cpu backend computes
 * `softmaxLayersModel(coef, intercepts).predict(x)` (see `hostSoftmaxScorer`).
 */
export function hostSoftmaxScores(coef: Float64Array, intercepts: Float64Array, x: Float32Array, n: number, d: number): Float64Array {
  return hostSoftmaxScorer(coef, intercepts).scores(x, n, d);
}

/**
 * The tfjs LayersModel files (`model.json`, `weights.bin`: kernel [d, K] then bias, float32) of a softmax Dense
 * layer named "softmax", byte for byte as `saveModelFiles(softmaxLayersModel(coef, intercepts))` writes them in a
 * fresh process (where tfjs names the model "sequential_1").
 */
export function softmaxModelFiles(coef: Float64Array, intercepts: Float64Array): ModelFiles {
  return denseModelFiles('softmax', 'softmax', coef, intercepts);
}
