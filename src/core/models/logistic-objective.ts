import type { Evaluation } from './lbfgs.ts';
import { tf } from './tf.ts';

/** Mean log loss of a linear model on a design matrix, plus the gradient; `params` is [w_0..w_{d-1}, b]. */
export interface LogisticEvaluation extends Evaluation {
  /** The data term alone (mean log loss), without the L2 penalty. */
  readonly logLoss: number;
}

/** Row-major float32 design matrix and 0/1 targets on the active backend. */
export interface DesignTensors {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor2D;
  /** Per-row sample weights [n, 1] (class weights), or null for all ones. */
  readonly w: tf.Tensor2D | null;
}

/** Uploads a design matrix [n, d], its labels and optional sample weights; the caller disposes the tensors. */
export function uploadDesign(x: Float32Array, labels: Uint8Array, d: number, weights?: Float32Array): DesignTensors {
  const n = labels.length;
  return { x: tf.tensor2d(x, [n, d]), y: tf.tensor2d(Float32Array.from(labels), [n, 1]), w: weights ? tf.tensor2d(weights, [n, 1]) : null };
}

/** Disposes every tensor of an uploaded design. */
export function disposeDesign(design: DesignTensors): void {
  design.x.dispose();
  design.y.dispose();
  design.w?.dispose();
}

// log(1 + e^z) - y·z, written with primitive ops so every backend (webgpu included) has the kernels.
function meanLogLoss(z: tf.Tensor2D, y: tf.Tensor2D, w: tf.Tensor2D | null = null): tf.Scalar {
  const softplus = tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
  const loss = tf.sub(softplus, tf.mul(y, z));
  return tf.mean(w ? tf.mul(w, loss) : loss);
}

/** Mean log loss only, for validation tracking. */
export async function logisticLoss(design: DesignTensors, params: Float64Array): Promise<number> {
  const d = design.x.shape[1];
  const loss = tf.tidy(() => {
    const w = tf.tensor2d(Float32Array.from(params.subarray(0, d)), [d, 1]);
    return meanLogLoss(tf.add(tf.matMul(design.x, w), tf.scalar(params[d])) as tf.Tensor2D, design.y);
  });
  const value = (await loss.data())[0];
  loss.dispose();
  return value;
}

/**
 * sklearn's objective `C·Σ sᵢ·loglossᵢ + ½‖w‖²` divided by `C·n`, so its scale does not grow with the data:
 * mean weighted logloss + ‖w‖²/(2Cn), intercept unpenalised (sᵢ = sample weight, 1 by default). The penalty is
 * added in float64 on the CPU.
 */
export function logisticObjective(design: DesignTensors, C: number): (params: Float64Array) => Promise<LogisticEvaluation> {
  const [n, d] = design.x.shape;
  const lambda = 1 / (C * n);
  return async (params) => {
    const [loss, gradData] = tf.tidy(() => {
      const w = tf.tensor2d(Float32Array.from(params.subarray(0, d)), [d, 1]);
      const z = tf.add(tf.matMul(design.x, w), tf.scalar(params[d])) as tf.Tensor2D;
      const raw = tf.sub(tf.sigmoid(z), design.y);
      const residual = design.w ? tf.mul(design.w, raw) : raw;
      const gw = tf.div(tf.matMul(design.x, residual, true, false), tf.scalar(n));
      return [meanLogLoss(z, design.y, design.w), tf.concat([gw, tf.reshape(tf.mean(residual), [1, 1])], 0)];
    });
    const [lossValue, gradValues] = await Promise.all([loss.data(), gradData.data()]);
    loss.dispose();
    gradData.dispose();
    const gradient = Float64Array.from(gradValues);
    let penalty = 0;
    for (let j = 0; j < d; j++) {
      penalty += params[j] * params[j];
      gradient[j] += lambda * params[j];
    }
    const logLoss = lossValue[0];
    return { value: logLoss + (lambda / 2) * penalty, gradient, logLoss };
  };
}
