import { createRandom } from '../random.ts';
import type { MlpHyperparameters } from './mlp-hyperparameters.ts';
import { kernelArena, type KernelArena, type KernelArenaKind } from './mlp-kernel-arena.ts';

/** Where each layer's kernel [in, out] and bias [out] sit in the one flat parameter vector (see mlpLayout). */
export interface HostLayout {
  readonly widths: readonly number[];
  /** Offsets of [kernel0, bias0, kernel1, bias1, ...] in the flat vector, plus its total length last. */
  readonly offsets: readonly number[];
}

/**
 * Inverted dropout's mask values [rows × units] for one layer and step, from the project's seeded generator: 0 for a
 * dropped unit, 1/(1 − rate) for a kept one. Both kernels (tfjs and host) draw the same mask from the same seed.
 */
export function dropoutMaskValues(rows: number, units: number, rate: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const keep = 1 / (1 - rate);
  // Two 16-bit draws per 32-bit word: the rate is honoured to 1/65536, at half the generator calls.
  const cut = Math.round(rate * 65536);
  const values = new Float32Array(rows * units);
  for (let i = 0; i < values.length; i += 2) {
    const bits = random.nextUint32();
    values[i] = (bits & 0xffff) >= cut ? keep : 0;
    if (i + 1 < values.length) values[i + 1] = bits >>> 16 >= cut ? keep : 0;
  }
  return values;
}

/**
 * An MLP trained on the host in plain typed arrays: float32 parameters and Adam moments (as tfjs keeps them), float64
 * scratch for activations and gradients. For small dense nets on wasm and cpu this beats dispatching tfjs kernels,
 * whose per-launch cost dominates at 2 × 32 units.
 */
export interface HostMlp {
  readonly layout: HostLayout;
  /** Flat [kernel0 (row-major [in, out]), bias0, kernel1, ...]: the order LayersModel.setWeights expects. */
  readonly params: Float32Array;
  readonly m: Float32Array;
  readonly v: Float32Array;
  readonly grad: Float64Array;
  steps: number;
}

/** A host MLP starting from the given flat parameters (copied). */
export function createHostMlp(layout: HostLayout, initial: Float32Array): HostMlp {
  const size = layout.offsets.at(-1) as number;
  if (initial.length !== size) throw new Error(`Expected ${size} MLP parameters, got ${initial.length}.`);
  return { layout, params: Float32Array.from(initial), m: new Float32Array(size), v: new Float32Array(size), grad: new Float64Array(size), steps: 0 };
}

type Activation = MlpHyperparameters['activation'];

// tanh and sigmoid in place (relu runs in the arena, fused with the bias: KernelArena.biasRelu).
function activate(h: Float64Array, length: number, activation: Exclude<Activation, 'relu'>): void {
  if (activation === 'tanh') for (let i = 0; i < length; i++) h[i] = Math.tanh(h[i]);
  else for (let i = 0; i < length; i++) h[i] = 1 / (1 + Math.exp(-h[i]));
}

// Per-row loss from logits (binary log loss for one output, softmax cross-entropy for several); with `delta`, also
// writes d loss / d logits = p − y there. Returns Σ wᵢ·lossᵢ.
function headLoss(z: Float64Array, rows: number, outputs: number, labels: Uint8Array, rowIds: Int32Array | null, weights: Float32Array | null, delta: Float64Array | null): number {
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const id = rowIds ? rowIds[r] : r;
    const label = labels[id];
    const w = weights ? weights[id] : 1;
    let loss: number;
    if (outputs === 1) {
      const s = z[r];
      loss = (s > 0 ? s : 0) + Math.log1p(Math.exp(-Math.abs(s))) - label * s;
      if (delta) delta[r] = (1 / (1 + Math.exp(-s)) - label) * w;
    } else {
      const o = r * outputs;
      let max = -Infinity;
      for (let k = 0; k < outputs; k++) if (z[o + k] > max) max = z[o + k];
      let sum = 0;
      for (let k = 0; k < outputs; k++) sum += Math.exp(z[o + k] - max);
      const lse = max + Math.log(sum);
      loss = lse - z[o + label];
      if (delta) for (let k = 0; k < outputs; k++) delta[o + k] = (Math.exp(z[o + k] - lse) - (k === label ? 1 : 0)) * w;
    }
    total += w * loss;
  }
  return total;
}

/**
 * Scratch buffers for one batch size, reused across steps: all views of one kernel arena, so its products and passes
 * (WebAssembly SIMD where available) read and write them in place, with no copy in or out.
 */
export interface HostScratch {
  readonly rows: number;
  readonly arena: KernelArena;
  readonly x: Float64Array;
  /** Per layer: the activations after the activation function (before dropout), output logits last. */
  readonly h: Float64Array[];
  /** Per hidden layer: what feeds the next layer (h times the dropout mask). */
  readonly fed: Float64Array[];
  readonly delta: Float64Array[];
  /** Per layer: the kernel [in, out] and its transpose [out, in] in float64, refreshed before each pass. */
  readonly w: Float64Array[];
  readonly wT: Float64Array[];
  /** Per layer: the bias [out] in float64, refreshed before each pass. */
  readonly b: Float64Array[];
  /** One layer's kernel gradient [in, out] as the product writes it, before it joins the net's gradient vector. */
  readonly kernelGrad: Float64Array;
}

/** Scratch for batches of up to `rows` rows; `kind` 'js' forces the JS loops (tests compare the two). */
export function hostScratch(layout: HostLayout, rows: number, kind?: KernelArenaKind): HostScratch {
  const widths = layout.widths;
  const units = widths.slice(1).map((w) => rows * w);
  const kernels = widths.slice(1).map((w, l) => widths[l] * w);
  const layers = units.length;
  const arena = kernelArena([rows * widths[0], ...units, ...units.slice(0, -1), ...units, ...kernels, ...kernels, ...widths.slice(1), Math.max(...kernels)], kind);
  const views = arena.views;
  let at = 1;
  const take = (count: number): Float64Array[] => views.slice(at, (at += count));
  return {
    rows, arena, x: views[0], h: take(layers), fed: take(layers - 1), delta: take(layers), w: take(layers), wT: take(layers),
    b: take(layers), kernelGrad: views[at],
  };
}

function loadKernels(net: HostMlp, s: HostScratch): void {
  const { widths, offsets } = net.layout;
  for (let l = 0; l + 1 < widths.length; l++) {
    const ins = widths[l];
    const outs = widths[l + 1];
    const from = offsets[2 * l];
    const w = s.w[l];
    const wT = s.wT[l];
    for (let i = 0; i < ins; i++) {
      for (let u = 0; u < outs; u++) {
        const value = net.params[from + i * outs + u];
        w[i * outs + u] = value;
        wT[u * ins + i] = value;
      }
    }
    s.b[l].set(net.params.subarray(offsets[2 * l + 1], offsets[2 * l + 1] + outs));
  }
}

// Copies the batch's rows into scratch (float64, row-major), so every layer reads contiguous memory.
function gather(x: Float32Array, d: number, rowIds: Int32Array | null, start: number, rows: number, into: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    const from = (rowIds ? rowIds[r] : start + r) * d;
    const to = r * d;
    for (let j = 0; j < d; j++) into[to + j] = x[from + j];
  }
}

// Forward pass over the gathered rows; with `masks`, hidden activations are dropped (training only). Returns the logits buffer.
function forward(net: HostMlp, hyper: MlpHyperparameters, s: HostScratch, rows: number, masks: (Float32Array | null)[] | null): Float64Array {
  const { widths, offsets } = net.layout;
  const last = widths.length - 2;
  loadKernels(net, s);
  let input = s.x;
  for (let l = 0; l <= last; l++) {
    const out = s.h[l];
    const outs = widths[l + 1];
    s.arena.nt(input, s.wT[l], s.w[l], out, rows, outs, widths[l]);
    const relu = l < last && hyper.activation === 'relu';
    s.arena.biasRelu(out, s.b[l], rows, outs, relu);
    if (l === last) break;
    if (hyper.activation !== 'relu') activate(out, rows * outs, hyper.activation);
    const mask = masks?.[l] ?? null;
    if (mask) {
      const fed = s.fed[l];
      for (let i = 0; i < rows * outs; i++) fed[i] = out[i] * mask[i];
      input = fed;
    } else {
      input = out;
    }
  }
  return s.h[last];
}

/**
 * One mini-batch step of Adam on the host: the same mathematics as mlpStep (weighted mean loss + l2·Σ kernel², Adam
 * with both bias corrections), for the rows `rowIds` of x [n, d]. Returns the batch's Σ wᵢ·lossᵢ (with dropout).
 */
export function hostMlpStep(
  net: HostMlp, hyper: MlpHyperparameters, s: HostScratch, x: Float32Array, labels: Uint8Array, weights: Float32Array | null,
  rowIds: Int32Array, batchWeight: number, dropoutSeed: (layer: number) => number,
): number {
  const { widths, offsets } = net.layout;
  const rows = rowIds.length;
  const last = widths.length - 2;
  gather(x, widths[0], rowIds, 0, rows, s.x);
  const masks = hyper.dropout > 0 ? widths.slice(1, -1).map((units, l) => dropoutMaskValues(rows, units, hyper.dropout, dropoutSeed(l))) : null;
  const logits = forward(net, hyper, s, rows, masks);
  const lossSum = headLoss(logits, rows, widths[last + 1], labels, rowIds, weights, s.delta[last]);
  const scale = 1 / (batchWeight > 0 ? batchWeight : 1);
  const top = s.delta[last];
  for (let i = 0; i < rows * widths[last + 1]; i++) top[i] *= scale;

  const g = net.grad;
  for (let l = last; l >= 0; l--) {
    const ins = widths[l];
    const outs = widths[l + 1];
    // What fed this layer: the rows, or the layer below's activation (through its dropout mask when there is one).
    const input = l === 0 ? s.x : masks?.[l - 1] ? s.fed[l - 1] : s.h[l - 1];
    const delta = s.delta[l];
    const back = l === 0 ? null : s.delta[l - 1];
    const bOff = offsets[2 * l + 1];
    // Kernel gradient inputᵀ·delta; bias gradient the column sums of delta.
    s.arena.tn(input, delta, s.kernelGrad, ins, outs, rows);
    g.set(s.kernelGrad.subarray(0, ins * outs), offsets[2 * l]);
    s.arena.columnSums(delta, s.kernelGrad, rows, outs); // the same scratch, free again once copied
    g.set(s.kernelGrad.subarray(0, outs), bOff);
    if (back === null) continue;
    // The delta sent back to the layer below: delta · kernelᵀ.
    s.arena.nt(delta, s.w[l], s.wT[l], back, rows, ins, outs);
    // Through the dropout mask and the activation's slope, from the activation h alone (as mlpStep does).
    const h = s.h[l - 1];
    const mask = masks?.[l - 1] ?? null;
    const n = rows * ins;
    if (mask) for (let i = 0; i < n; i++) back[i] *= mask[i];
    if (hyper.activation === 'relu') s.arena.reluBack(back, h, n);
    else if (hyper.activation === 'tanh') for (let i = 0; i < n; i++) back[i] *= 1 - h[i] * h[i];
    else for (let i = 0; i < n; i++) back[i] *= h[i] * (1 - h[i]);
  }
  adamUpdate(net, hyper);
  return lossSum;
}

const BETA1 = 0.9;
const BETA2 = 0.999;

// tf.train.adam's update with L2's gradient 2·l2·w on kernel entries (not biases) added first.
function adamUpdate(net: HostMlp, hyper: MlpHyperparameters): void {
  const { params: p, m, v, grad: g } = net;
  const offsets = net.layout.offsets;
  if (hyper.l2 > 0) {
    const decay = 2 * hyper.l2;
    for (let i = 0; i + 1 < offsets.length; i += 2) for (let j = offsets[i]; j < offsets[i + 1]; j++) g[j] += decay * p[j];
  }
  net.steps++;
  const stepSize = hyper.learningRate / (1 - BETA1 ** net.steps);
  const secondScale = 1 / (1 - BETA2 ** net.steps);
  const eps = hyper.epsilon;
  for (let j = 0; j < p.length; j++) {
    const gj = g[j];
    const mj = (m[j] = m[j] * BETA1 + gj * (1 - BETA1));
    const vj = (v[j] = v[j] * BETA2 + gj * gj * (1 - BETA2));
    p[j] -= (mj * stepSize) / (Math.sqrt(vj * secondScale) + eps);
  }
}

/** Rows per forward pass when scoring, so scratch stays small for any validation split. */
const CHUNK = 4096;

// The scoring scratch of each net, reused by every epoch's validation loss rather than a fresh arena (and, with SIMD,
// a fresh WebAssembly memory) per epoch.
const scoringScratch = new WeakMap<HostMlp, HostScratch>();

/** Unweighted mean log loss (no dropout) over x [n, d] with labels (0/1, or class indices for softmax); NaN when n = 0. */
export function hostMeanLoss(net: HostMlp, hyper: MlpHyperparameters, x: Float32Array, labels: Uint8Array): number {
  const n = labels.length;
  if (n === 0) return NaN;
  const { widths } = net.layout;
  let s = scoringScratch.get(net);
  if (s === undefined || s.rows < Math.min(CHUNK, n)) {
    s = hostScratch(net.layout, Math.min(CHUNK, n));
    scoringScratch.set(net, s);
  }
  let total = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const rows = Math.min(CHUNK, n - start);
    gather(x, widths[0], null, start, rows, s.x);
    const logits = forward(net, hyper, s, rows, null);
    total += headLoss(logits, rows, widths.at(-1) as number, labels.subarray(start, start + rows), null, null, null);
  }
  return total / n;
}
