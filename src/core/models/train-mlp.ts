import { mlpMeanLoss, rowsWeight, runMlpEpoch, type MlpStepState, type MlpTrainRows } from './mlp-epoch.ts';
import { validateMlp, type MlpHyperparameters } from './mlp-hyperparameters.ts';
import { createMlpParameters, mlpLayersModel, mlpWidths } from './mlp-network.ts';
import { createAdam, disposeAdam, mlpLayout, type MlpLayout } from './mlp-step.ts';
import { createHostMlp, hostMeanLoss, hostMlpStep, hostScratch } from './mlp-host-kernel.ts';
import { createRandom, deriveSeed, shuffleInPlace } from '../random.ts';
import { chooseMlpKernel, type MlpKernel } from './mlp-kernel.ts';
import { hostArenaNote } from './mlp-kernel-arena.ts';
import { tf, tfl } from './tf.ts';

export type { MlpKernel } from './mlp-kernel.ts';

/** The outcome of `trainMlp`. */
export interface MlpFit {
  /** Dense layers only (no dropout layers), sigmoid (binary) or softmax output, holding the best weights; the caller disposes it. */
  readonly model: tfl.LayersModel;
  /** Epochs actually run. */
  readonly epochs: number;
  /** The 1-based epoch whose weights were kept. */
  readonly bestEpoch: number;
  /** True when `onEpoch` asked to stop (cancel). */
  readonly stopped: boolean;
  /** Which kernel ran the steps. */
  readonly kernel: MlpKernel;
  /** How the kernel was chosen, for the run's notes (with the timings when they decided it). */
  readonly kernelNote: string;
}

/** Training rows: row-major x [n, d], 0/1 labels (class indices when `classes` > 2), optional per-row sample weights (e.g. class weights). */
export interface MlpTrainData {
  readonly x: Float32Array;
  readonly y: Uint8Array;
  readonly weights?: Float32Array;
}

function check(name: string, x: Float32Array, y: Uint8Array, d: number, classes: number): void {
  if (x.length !== y.length * d) throw new Error(`The ${name} matrix has ${x.length} values, expected ${y.length} rows × ${d} columns.`);
  if (y.some((v) => v >= classes)) throw new Error(classes === 2 ? `The ${name} labels must be 0 or 1.` : `The ${name} labels must be class indices below ${classes}.`);
}

// Binary targets are one 0/1 column (one sigmoid output); K > 2 classes become one-hot rows (softmax outputs).
function targets(y: Uint8Array, classes: number): tf.Tensor2D {
  if (classes <= 2) return tf.tensor2d(Float32Array.from(y), [y.length, 1]);
  const oneHot = new Float32Array(y.length * classes);
  y.forEach((k, i) => { oneHot[i * classes + k] = 1; });
  return tf.tensor2d(oneHot, [y.length, classes]);
}

// Training rows stay on the host: each batch is assembled in JS and uploaded, which costs microseconds where a
// device-side gather of 1024 rows cost about a millisecond on wasm.
function hostRows(train: MlpTrainData, d: number, classes: number): MlpTrainRows {
  const n = train.y.length;
  const weights = train.weights ?? null;
  let totalWeight = n;
  if (weights) {
    if (weights.length !== n) throw new Error(`Expected ${n} sample weights, got ${weights.length}.`);
    totalWeight = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (!(w >= 0 && Number.isFinite(w))) throw new Error(`Sample weights must be finite and non-negative, got ${w}.`);
      totalWeight += w;
    }
  }
  return { x: train.x, y: train.y, d, outputs: classes > 2 ? classes : 1, weights, totalWeight };
}

// [kernel0, bias0, kernel1, ...] as separate arrays: the order LayersModel.setWeights expects.
function splitLayers(flat: Float32Array, layout: MlpLayout): Float32Array[] {
  return layout.offsets.slice(0, -1).map((start, i) => flat.slice(start, layout.offsets[i + 1]));
}

// NaN never counts as an improvement, but anything finite beats a NaN best.
function improves(loss: number, best: number): boolean {
  return !Number.isNaN(loss) && (Number.isNaN(best) || loss < best);
}

// A macrotask, not just a microtask, so a worker gets to run a pending cancel message between epochs.
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One way of running the training steps; trainMlp drives either through this. */
interface MlpEngine {
  epoch(epoch: number): Promise<{ loss: number; interrupted: boolean }>;
  /** Unweighted mean log loss on the validation rows (NaN without any). */
  validationLoss(): Promise<number>;
  /** A copy of the flat parameters. */
  snapshot(): Promise<Float32Array>;
  dispose(): void;
}

function tfjsEngine(
  data: MlpTrainRows, validation: { readonly x: Float32Array; readonly y: Uint8Array }, layout: MlpLayout,
  hyper: MlpHyperparameters, seed: number, classes: number, interrupt?: () => Promise<boolean>,
): MlpEngine {
  const valX = tf.tensor2d(validation.x, [validation.y.length, data.d]);
  const valY = targets(validation.y, classes);
  const flat = createMlpParameters(data.d, hyper, seed, data.outputs);
  const adam = createAdam(layout, hyper);
  const state: MlpStepState = { seed, step: 0 };
  return {
    epoch: (epoch) => runMlpEpoch(data, flat, layout, adam, hyper, state, epoch, interrupt),
    validationLoss: () => mlpMeanLoss(valX, valY, flat, layout, hyper),
    // Copied through the async read: dataSync/arraySync return zeros on WebGPU.
    snapshot: async () => new Float32Array(await flat.data()),
    dispose: () => {
      disposeAdam(adam);
      tf.dispose([flat, valX, valY]);
    },
  };
}

// The same seeded permutation per epoch, batch order, dropout seeds and loss bookkeeping as runMlpEpoch.
async function hostEngine(
  data: MlpTrainRows, validation: { readonly x: Float32Array; readonly y: Uint8Array }, layout: MlpLayout,
  hyper: MlpHyperparameters, seed: number, interrupt?: () => Promise<boolean>,
): Promise<MlpEngine> {
  // The initial weights come from tfjs's seeded initialisers, so both kernels start from the same point.
  const initial = createMlpParameters(data.d, hyper, seed, data.outputs);
  const net = createHostMlp(layout, new Float32Array(await initial.data()));
  initial.dispose();
  const n = data.y.length;
  const scratch = hostScratch(layout, Math.min(hyper.batchSize, n));
  let step = 0;
  return {
    epoch: async (epoch) => {
      const order = new Int32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      shuffleInPlace(order, createRandom(deriveSeed(seed, 1000 + epoch)));
      let total = 0;
      let seen = 0;
      let batches = 0;
      for (let start = 0; start < n; start += hyper.batchSize) {
        if (interrupt && (await interrupt())) return { loss: batches === 0 ? NaN : total / Math.max(seen, 1), interrupted: true };
        const rows = order.subarray(start, Math.min(n, start + hyper.batchSize));
        const batchWeight = rowsWeight(rows, data.weights);
        seen += batchWeight;
        const at = step++;
        total += hostMlpStep(net, hyper, scratch, data.x, data.y, data.weights, rows, batchWeight, (l) => deriveSeed(seed, 100000 + at * 16 + l));
        batches++;
      }
      return { loss: total / (data.totalWeight > 0 ? data.totalWeight : 1), interrupted: false };
    },
    validationLoss: async () => hostMeanLoss(net, hyper, validation.x, validation.y),
    snapshot: async () => Float32Array.from(net.params),
    dispose: () => undefined,
  };
}

/**
 * Trains an MLP for binary (or, with `classes` > 2, softmax multiclass) classification by hand-written, seeded mini-batch Adam (not `model.fit`, whose shuffle
 * is unseeded, and with the backward pass written out: see mlp-step.ts), so the same seed gives bit-identical weights. After each epoch `onEpoch` gets the train loss (the
 * sample-weighted mean log loss over that epoch's mini-batches, with dropout, without the L2 term) and the validation
 * mean log loss (NaN without validation rows, when the train loss drives early stopping), and may return true to
 * cancel; `interrupt`, asked before every batch, cancels within one batch. Stops after `patience` epochs without
 * improvement and returns the best epoch's weights. `kernel` 'auto' picks by the active backend and, on wasm, by timing both on this shape (chooseMlpKernel); both
 * kernels start from the same seeded weights and follow the same mathematics.
 */
export async function trainMlp(
  train: MlpTrainData,
  validation: { readonly x: Float32Array; readonly y: Uint8Array },
  d: number,
  hyperparameters: MlpHyperparameters,
  seed: number,
  onEpoch: (epoch: number, trainLoss: number, validationLoss: number) => boolean | Promise<boolean>,
  interrupt?: () => Promise<boolean>,
  classes = 2,
  kernel: MlpKernel | 'auto' = 'auto',
): Promise<MlpFit> {
  const hyper = validateMlp(hyperparameters);
  if (!Number.isInteger(d) || d < 1) throw new Error(`The feature count must be a positive whole number, got ${d}.`);
  if (train.y.length === 0) throw new Error('The training split has no rows.');
  check('training', train.x, train.y, d, classes);
  check('validation', validation.x, validation.y, d, classes);
  const outputs = classes > 2 ? classes : 1;
  const data = hostRows(train, d, classes);
  const layout = mlpLayout(mlpWidths(d, hyper.hidden, outputs));
  const backend = tf.getBackend();
  const shape = { rows: train.y.length, inputs: d, hidden: hyper.hidden, batchSize: hyper.batchSize, outputs };
  const choice = kernel === 'auto' ? await chooseMlpKernel(backend, shape) : null;
  const chosen = choice?.kernel ?? (kernel === 'auto' ? 'host' : kernel);
  const kernelNote = choice?.note ?? `MLP steps ran on the ${chosen === 'host' ? `host kernel (typed arrays, ${hostArenaNote()})` : `${backend} tfjs kernels`}, as asked`;
  const engine = chosen === 'host'
    ? await hostEngine(data, validation, layout, hyper, seed, interrupt)
    : tfjsEngine(data, validation, layout, hyper, seed, classes, interrupt);
  try {
    let best: { epoch: number; loss: number; weights: Float32Array } = { epoch: 0, loss: NaN, weights: new Float32Array(0) };
    let epoch = 0;
    let stopped = false;
    while (epoch < hyper.epochs) {
      epoch++;
      const { loss: trainLoss, interrupted } = await engine.epoch(epoch);
      if (interrupted) {
        // Cancelled mid-epoch: keep the best complete epoch, or the weights reached so far if none completed.
        if (best.epoch === 0) best = { epoch, loss: NaN, weights: await engine.snapshot() };
        stopped = true;
        break;
      }
      const validationLoss = await engine.validationLoss();
      const nVal = validation.y.length;
      const monitored = nVal > 0 ? validationLoss : trainLoss;
      if (best.epoch === 0 || improves(monitored, best.loss)) best = { epoch, loss: monitored, weights: await engine.snapshot() };
      if (await onEpoch(epoch, trainLoss, validationLoss)) {
        stopped = true;
        break;
      }
      if (epoch - best.epoch >= hyper.patience) break;
      await yieldToEventLoop();
    }
    // Whichever kernel ran, the weights land in the same tfjs layers model, so bundles and score.py see no difference.
    return { model: mlpLayersModel(d, hyper, splitLayers(best.weights, layout), outputs), epochs: epoch, bestEpoch: best.epoch, stopped, kernel: chosen, kernelNote };
  } finally {
    engine.dispose();
  }
}
