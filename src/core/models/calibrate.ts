import { BACKENDS, type BackendName } from './backend-name.ts';
import { chooseMlpKernel, type MlpShape } from './mlp-kernel.ts';

export { mlpShapeClass, type MlpShape } from './mlp-kernel.ts';
import { tf } from './tf.ts';

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
      // cpu always runs the host kernel and wasm the faster of the two, so neither is slower than the host kernel
      // timed once; a tie (won by wasm, earlier in BACKENDS, which also scores faster) is not decided by noise.
      const choice = await chooseMlpKernel(name, shape, hostMs);
      if (choice.hostMs !== null) hostMs = choice.hostMs;
      result[name] = choice.ms;
    } catch {
      // A backend that fails here simply does not compete.
    }
  }
  return result;
}
