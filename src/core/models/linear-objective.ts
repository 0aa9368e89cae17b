import type { Evaluation } from './lbfgs.ts';

/** An objective evaluation that also carries the data term alone (mean weighted log loss, no penalty). */
export interface LinearEvaluation extends Evaluation {
  readonly logLoss: number;
}

/**
 * A design matrix [n, d] held for the host kernel: dense row-major, or compressed rows (CSR) when under half the
 * cells are non-zero (one-hot inputs), so a pass costs O(non-zeros · K). `classes` is 1 for a binary (sigmoid) model
 * and K ≥ 3 for softmax; `y` holds 0/1 or class indices; `weights` are per-row sample weights (null = all 1).
 */
export interface LinearDesign {
  readonly n: number;
  readonly d: number;
  readonly classes: number;
  readonly y: Uint8Array;
  readonly weights: Float64Array | null;
  readonly dense: Float32Array | null;
  readonly rowStart: Int32Array | null;
  readonly columns: Int32Array | null;
  readonly values: Float64Array | null;
}

/** Wraps a row-major float32 design [n, d] for the kernel, choosing dense or CSR storage by its share of zeros. */
export function linearDesign(x: Float32Array, y: Uint8Array, d: number, classes: number, weights?: Float32Array): LinearDesign {
  const n = y.length;
  if (x.length !== n * d) throw new Error(`design holds ${x.length} values; ${n} rows × ${d} inputs need ${n * d}`);
  let nonZero = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) nonZero++;
  const base = { n, d, classes: classes > 2 ? classes : 1, y, weights: weights ? Float64Array.from(weights) : null };
  if (nonZero * 2 >= x.length) return { ...base, dense: x, rowStart: null, columns: null, values: null };
  const rowStart = new Int32Array(n + 1);
  const columns = new Int32Array(nonZero);
  const values = new Float64Array(nonZero);
  let at = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = at;
    const row = i * d;
    for (let j = 0; j < d; j++) {
      const v = x[row + j];
      if (v !== 0) { columns[at] = j; values[at] = v; at++; }
    }
  }
  rowStart[n] = at;
  return { ...base, dense: null, rowStart, columns, values };
}

const EMPTY_INT = new Int32Array(0);
const EMPTY_FLOAT = new Float64Array(0);

// log(1 + e^z) without overflow.
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

// One pass over the rows: Σ sᵢ·lossᵢ into the return value and, when `gradient` is given, Σ sᵢ·rᵢ·xᵢ into it
// (rᵢ = p − y per output), with params = [W row-major d × K, b (K)]; K = 1 is the sigmoid model.
function pass(design: LinearDesign, params: Float64Array, gradient: Float64Array | null, useWeights: boolean): number {
  const { n, d, classes: k, y, dense, rowStart } = design;
  const columns = design.columns ?? EMPTY_INT;
  const values = design.values ?? EMPTY_FLOAT;
  const weights = useWeights ? design.weights : null;
  const bias = d * k;
  const z = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) z[c] = params[bias + c];
    const from = rowStart ? rowStart[i] : i * d;
    const to = rowStart ? rowStart[i + 1] : from + d;
    if (dense) {
      if (k === 1) { let acc = z[0]; for (let j = 0; j < d; j++) acc += dense[from + j] * params[j]; z[0] = acc; }
      else for (let j = 0; j < d; j++) { const v = dense[from + j]; if (v !== 0) for (let c = 0, o = j * k; c < k; c++) z[c] += v * params[o + c]; }
    } else {
      for (let t = from; t < to; t++) { const v = values[t]; for (let c = 0, o = columns[t] * k; c < k; c++) z[c] += v * params[o + c]; }
    }
    const s = weights ? weights[i] : 1;
    const label = y[i];
    if (k === 1) {
      total += s * (softplus(z[0]) - label * z[0]);
      if (!gradient) continue;
      const r = s * (1 / (1 + Math.exp(-z[0])) - label);
      gradient[bias] += r;
      if (dense) for (let j = 0; j < d; j++) gradient[j] += r * dense[from + j];
      else for (let t = from; t < to; t++) gradient[columns[t]] += r * values[t];
      continue;
    }
    let top = z[0];
    for (let c = 1; c < k; c++) if (z[c] > top) top = z[c];
    const shifted = z[label] - top;
    let sum = 0;
    for (let c = 0; c < k; c++) { z[c] = Math.exp(z[c] - top); sum += z[c]; }
    // z now holds exp(zᶜ − max); the row's cross-entropy is log Σ − (z_y − max), finite even when p_y underflows.
    total += s * (Math.log(sum) - shifted);
    if (!gradient) continue;
    for (let c = 0; c < k; c++) z[c] = s * (z[c] / sum - (c === label ? 1 : 0));
    for (let c = 0; c < k; c++) gradient[bias + c] += z[c];
    if (dense) {
      for (let j = 0; j < d; j++) { const v = dense[from + j]; if (v !== 0) for (let c = 0, o = j * k; c < k; c++) gradient[o + c] += v * z[c]; }
    } else {
      for (let t = from; t < to; t++) { const v = values[t]; for (let c = 0, o = columns[t] * k; c < k; c++) gradient[o + c] += v * z[c]; }
    }
  }
  return total;
}

/**
 * scikit-learn's L2 logistic objective `C·Σ sᵢ·lossᵢ + ½‖W‖²` divided by `C·n` (so its scale does not grow with the
 * data): mean weighted log loss + ‖W‖²/(2Cn), intercepts unpenalised, with its gradient, all in float64 on the host in
 * one pass over the rows. Binary (classes 1) or multinomial; params = [W row-major (d × K), b (K)].
 */
export function linearObjective(design: LinearDesign, C: number): (params: Float64Array) => LinearEvaluation {
  const { n, d, classes: k } = design;
  const lambda = 1 / (C * n);
  return (params) => {
    const gradient = new Float64Array(d * k + k);
    const logLoss = pass(design, params, gradient, true) / n;
    let penalty = 0;
    for (let j = 0; j < gradient.length; j++) {
      gradient[j] /= n;
      if (j < d * k) { penalty += params[j] * params[j]; gradient[j] += lambda * params[j]; }
    }
    return { value: logLoss + (lambda / 2) * penalty, gradient, logLoss };
  };
}

/** Mean (unweighted) log loss of the model `params` on a design, for validation tracking; NaN with no rows. */
export function linearLoss(design: LinearDesign, params: Float64Array): number {
  return design.n === 0 ? NaN : pass(design, params, null, false) / design.n;
}
