import { BACKENDS, type BackendName } from './backend-name.ts';
import { createHostMlp, hostMlpStep, hostScratch } from './mlp-host-kernel.ts';
import { DEFAULT_MLP, validateMlp } from './mlp-hyperparameters.ts';
import { mlpWidths } from './mlp-network.ts';
import { createAdam, disposeAdam, mlpLayout, mlpStep } from './mlp-step.ts';
import { tf } from './tf.ts';
import { mlpKernelFor } from './train-mlp.ts';

/** Milliseconds per backend for the calibration workload; missing entries did not work. */
export type Calibration = Partial<Record<BackendName, number>>;

const ROWS = 20_000;
const COLS = 20;
const REPEATS = 3;

// The shapes of one full-batch gradient step (X·w, then Xᵀ·r) at a size where per-kernel overhead no longer hides
// the arithmetic, plus an upload of the design and a read-back of per-row scores: moving data in and out of a
// backend's memory can cost more than the arithmetic, and it differs most between backends.
async function workload(): Promise<number> {
  const values = new Float32Array(ROWS * COLS).map((_, i) => ((i * 2654435761) % 1000) / 500 - 1);
  const w = tf.randomUniform([COLS, 1], -1, 1, 'float32', 2);
  try {
    const once = async () => {
      const x = tf.tensor2d(values, [ROWS, COLS]);
      const [g, p] = tf.tidy(() => {
        const scores = tf.sigmoid(tf.matMul(x, w));
        return [tf.matMul(x, tf.sub(scores, 0.5), true, false), scores];
      });
      await Promise.all([g.data(), p.data()]);
      tf.dispose([x, g, p]);
    };
    await once();
    const started = performance.now();
    for (let i = 0; i < REPEATS; i++) await once();
    return (performance.now() - started) / REPEATS;
  } finally {
    w.dispose();
  }
}

/**
 * Times a short gradient-shaped workload on each candidate backend that starts, and returns the timings. The caller
 * picks the fastest and caches the result per device; a software adapter is usually slow enough to lose here anyway.
 */
export async function calibrateBackends(candidates: readonly BackendName[] = BACKENDS): Promise<Calibration> {
  const result: Calibration = {};
  for (const name of candidates) {
    try {
      if (!tf.findBackendFactory(name) || !(await tf.setBackend(name))) continue;
      result[name] = await workload();
    } catch {
      // A backend that fails here simply does not compete.
    }
  }
  return result;
}

/** The fastest backend of a calibration, or null when none worked. */
export function fastest(calibration: Calibration): BackendName | null {
  let best: BackendName | null = null;
  for (const name of BACKENDS) {
    const ms = calibration[name];
    if (ms !== undefined && (best === null || ms < (calibration[best] ?? Infinity))) best = name;
  }
  return best;
}

/** The shape a run trains at, as automatic mode sees it before preprocessing: rows, model inputs and the MLP's layout. */
export interface MlpShape {
  readonly rows: number;
  readonly inputs: number;
  readonly hidden: readonly number[];
  readonly batchSize: number;
  /** 1 for a sigmoid output, K for softmax over K classes. */
  readonly outputs: number;
}

/**
 * The class of a shape a calibration stays valid for: rows and inputs to the nearest power of two, and the exact
 * layout and batch. A run whose class differs from every stored one is timed afresh.
 */
export function mlpShapeClass(shape: MlpShape): string {
  const bucket = (v: number) => Math.ceil(Math.log2(Math.max(1, v)));
  return `mlp:rows2^${bucket(shape.rows)}:inputs2^${bucket(shape.inputs)}:hidden${shape.hidden.join('x')}:batch${shape.batchSize}:out${shape.outputs}`;
}

const STEPS = 4;

// Milliseconds per training step of this shape on the active backend, with the kernel trainMlp would use there.
async function mlpStepMs(shape: MlpShape): Promise<number> {
  const batch = Math.max(1, Math.min(shape.batchSize, shape.rows));
  const layout = mlpLayout(mlpWidths(shape.inputs, shape.hidden, shape.outputs));
  const hyper = validateMlp({ ...DEFAULT_MLP, hidden: shape.hidden, batchSize: batch, dropout: 0 });
  const x = new Float32Array(batch * shape.inputs).map((_, i) => ((i * 2654435761) % 1000) / 500 - 1);
  const y = new Uint8Array(batch).map((_, i) => i % (shape.outputs === 1 ? 2 : shape.outputs));
  const rows = Int32Array.from({ length: batch }, (_, i) => i);
  const size = layout.offsets.at(-1) as number;
  const initial = new Float32Array(size).map((_, i) => Math.sin(i) * 0.1);
  if (mlpKernelFor(tf.getBackend()) === 'host') {
    const net = createHostMlp(layout, initial);
    const scratch = hostScratch(layout, batch);
    const step = () => hostMlpStep(net, hyper, scratch, x, y, null, rows, batch, () => 1);
    step();
    const started = performance.now();
    for (let i = 0; i < STEPS; i++) step();
    return (performance.now() - started) / STEPS;
  }
  const flat = tf.variable(tf.tensor1d(initial));
  const adam = createAdam(layout, hyper);
  const oneHot = shape.outputs === 1 ? Float32Array.from(y) : new Float32Array(batch * shape.outputs);
  if (shape.outputs > 1) y.forEach((k, i) => { oneHot[i * shape.outputs + k] = 1; });
  const tensors = { x: tf.tensor2d(x, [batch, shape.inputs]), xT: tf.transpose(tf.tensor2d(x, [batch, shape.inputs])) as tf.Tensor2D, y: tf.tensor2d(oneHot, [batch, shape.outputs]), w: null };
  try {
    // Each step ends in a read-back, as the run's epoch does once; without it a GPU backend would only be queueing.
    const step = async () => {
      const loss = mlpStep(flat, layout, adam, hyper, tensors, batch, () => 1);
      await loss.data();
      loss.dispose();
    };
    await step();
    const started = performance.now();
    for (let i = 0; i < STEPS; i++) await step();
    return (performance.now() - started) / STEPS;
  } finally {
    disposeAdam(adam);
    tf.dispose([flat, tensors.x, tensors.xT, tensors.y]);
  }
}

/**
 * Times a few MLP training steps of the run's own shape on each candidate backend that starts (the host kernel on
 * wasm and cpu, tfjs kernels on webgpu and webgl); returns ms per step. The caller picks the fastest and caches it
 * under the shape's class (mlpShapeClass).
 */
export async function calibrateMlpBackends(shape: MlpShape, candidates: readonly BackendName[] = BACKENDS): Promise<Calibration> {
  const result: Calibration = {};
  let hostMs: number | null = null;
  for (const name of candidates) {
    try {
      if (!tf.findBackendFactory(name) || !(await tf.setBackend(name))) continue;
      // wasm and cpu run the same host kernel: timed once, so a tie (won by wasm, earlier in BACKENDS, which also
      // scores faster) is not decided by noise.
      if (mlpKernelFor(name) === 'host') hostMs ??= await mlpStepMs(shape);
      result[name] = mlpKernelFor(name) === 'host' ? hostMs as number : await mlpStepMs(shape);
    } catch {
      // A backend that fails here simply does not compete.
    }
  }
  return result;
}
