import { createHostMlp, hostMlpStep, hostScratch } from './mlp-host-kernel.ts';
import { hostArenaNote } from './mlp-kernel-arena.ts';
import { DEFAULT_MLP, validateMlp } from './mlp-hyperparameters.ts';
import { mlpWidths } from './mlp-network.ts';
import { createAdam, disposeAdam, mlpLayout, mlpStep } from './mlp-step.ts';
import { tf } from './tf.ts';

/** Which code runs an MLP's training steps: tfjs kernels on the active backend, or the host typed-array kernel. */
export type MlpKernel = 'tfjs' | 'host';

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
const ROUNDS = 3;

/** Times rounds of `STEPS` training steps of one shape with one kernel on the active backend. */
interface StepTimer {
  /** Milliseconds per step over one round (ending in a read-back on tfjs, as the run's epoch does). */
  round(): Promise<number>;
  dispose(): void;
}

function stepTimer(shape: MlpShape, kernel: MlpKernel): StepTimer {
  const batch = Math.max(1, Math.min(shape.batchSize, shape.rows));
  const layout = mlpLayout(mlpWidths(shape.inputs, shape.hidden, shape.outputs));
  const hyper = validateMlp({ ...DEFAULT_MLP, hidden: shape.hidden, batchSize: batch, dropout: 0 });
  const x = new Float32Array(batch * shape.inputs).map((_, i) => ((i * 2654435761) % 1000) / 500 - 1);
  const y = new Uint8Array(batch).map((_, i) => i % (shape.outputs === 1 ? 2 : shape.outputs));
  const rows = Int32Array.from({ length: batch }, (_, i) => i);
  const size = layout.offsets.at(-1) as number;
  const initial = new Float32Array(size).map((_, i) => Math.sin(i) * 0.1);
  if (kernel === 'host') {
    const net = createHostMlp(layout, initial);
    const scratch = hostScratch(layout, batch);
    return {
      round: async () => {
        const started = performance.now();
        for (let i = 0; i < STEPS; i++) hostMlpStep(net, hyper, scratch, x, y, null, rows, batch, () => 1);
        return (performance.now() - started) / STEPS;
      },
      dispose: () => undefined,
    };
  }
  const flat = tf.variable(tf.tensor1d(initial));
  const adam = createAdam(layout, hyper);
  const oneHot = shape.outputs === 1 ? Float32Array.from(y) : new Float32Array(batch * shape.outputs);
  if (shape.outputs > 1) y.forEach((k, i) => { oneHot[i * shape.outputs + k] = 1; });
  const xb = tf.tensor2d(x, [batch, shape.inputs]);
  const tensors = { x: xb, xT: tf.transpose(xb), y: tf.tensor2d(oneHot, [batch, shape.outputs]), w: null };
  return {
    // Without the read-back at the end a GPU backend would only be queueing.
    round: async () => {
      const started = performance.now();
      const losses = Array.from({ length: STEPS }, () => mlpStep(flat, layout, adam, hyper, tensors, batch, () => 1));
      await losses[STEPS - 1].data();
      tf.dispose(losses);
      return (performance.now() - started) / STEPS;
    },
    dispose: () => {
      disposeAdam(adam);
      tf.dispose([flat, tensors.x, tensors.xT, tensors.y]);
    },
  };
}

/**
 * Milliseconds per training step of this shape on the active backend, for each kernel asked: one warm-up round each
 * (first use of a shape compiles and allocates), then rounds taken in turn, kernel after kernel, so a burst of other
 * work hits both alike; each kernel's fastest round counts, since the minimum discards interrupted rounds.
 */
export async function mlpStepMs(shape: MlpShape, kernels: readonly MlpKernel[]): Promise<number[]> {
  const timers = kernels.map((k) => stepTimer(shape, k));
  try {
    for (const t of timers) await t.round();
    const best = timers.map(() => Infinity);
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < timers.length; i++) best[i] = Math.min(best[i], await timers[i].round());
    }
    return best;
  } finally {
    for (const t of timers) t.dispose();
  }
}

/** A kernel choice for one backend and shape, with its ms per step and, when timed, the host kernel's. */
export interface MlpKernelChoice {
  readonly kernel: MlpKernel;
  readonly ms: number;
  readonly hostMs: number | null;
  /** One line for the run's notes. */
  readonly note: string;
}

/**
 * The kernel to train this shape with on `backend` (active): on cpu the host kernel (tfjs's cpu kernels are plain
 * JavaScript and several times slower); on webgpu and webgl tfjs; on wasm whichever is faster at a few steps of this
 * very shape: the host kernel (SIMD products) won at 2 × 32 in Node 20 (0.5 ms a step against about 1.3 ms), but
 * tfjs's threaded wasm kernels win on wide layers (2 × 256: 16 ms against 21); both are timed in turn (mlpStepMs).
 * `knownHostMs` reuses a host timing made on another backend (for cpu).
 */
export async function chooseMlpKernel(backend: string, shape: MlpShape, knownHostMs: number | null = null): Promise<MlpKernelChoice> {
  if (backend === 'webgpu' || backend === 'webgl') {
    const [ms] = await mlpStepMs(shape, ['tfjs']);
    return { kernel: 'tfjs', ms, hostMs: null, note: `MLP steps ran on ${backend}'s tfjs kernels` };
  }
  if (backend !== 'wasm') {
    const hostMs = knownHostMs ?? (await mlpStepMs(shape, ['host']))[0];
    return { kernel: 'host', ms: hostMs, hostMs, note: `MLP steps ran on the host kernel (typed arrays) beside ${backend}, ${hostArenaNote()}` };
  }
  const [hostMs, tfjsMs] = await mlpStepMs(shape, ['host', 'tfjs']);
  const kernel: MlpKernel = hostMs <= tfjsMs ? 'host' : 'tfjs';
  const timing = `host ${hostMs.toFixed(2)} ms, wasm ${tfjsMs.toFixed(2)} ms per step of this shape`;
  return {
    kernel, ms: Math.min(hostMs, tfjsMs), hostMs,
    note: kernel === 'host' ? `MLP steps ran on the host kernel (typed arrays, ${hostArenaNote()}), faster than wasm's tfjs kernels here (${timing})` : `MLP steps ran on wasm's tfjs kernels, faster than the host kernel here (${timing})`,
  };
}
