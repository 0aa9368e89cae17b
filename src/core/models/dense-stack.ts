import type { tf } from './tf.ts';

/** One dense layer in float64: kernel row-major [inputs, units], bias [units], and its activation. */
export interface DenseLayer {
  readonly inputs: number;
  readonly units: number;
  readonly kernel: Float64Array;
  readonly bias: Float64Array;
  readonly activation: 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'softmax';
}

/** A LayersModel made only of dense layers (every model the app exports), as plain float64 arrays. */
export interface DenseStack {
  readonly layers: readonly DenseLayer[];
}

const ACTIVATIONS = new Set(['linear', 'relu', 'tanh', 'sigmoid', 'softmax']);

/**
 * Loads a bundle's `model.json` + `weights.bin` with `tfl.loadLayersModel` (so only what tfjs itself accepts is
 * scored; nothing is evaluated) and copies its dense layers out as float64. Other layer kinds are refused by name.
 */
export async function loadDenseStack(modelJson: Uint8Array, weightsBin: Uint8Array): Promise<DenseStack> {
  const json = JSON.parse(new TextDecoder().decode(modelJson)) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const weightData = weightsBin.buffer.slice(weightsBin.byteOffset, weightsBin.byteOffset + weightsBin.byteLength) as ArrayBuffer;
  // tfjs loads here, not with this module: a training run imports the scorer's modules but need not load tfjs.
  const { tf: tfc, tfl } = await import('./tf.ts');
  // Loading needs an initialised backend; whichever tfjs picks is fine, since only the weights are read back.
  await tfc.ready();
  const model = await tfl.loadLayersModel(tfc.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
  try {
    const layers: DenseLayer[] = [];
    for (const layer of model.layers) {
      const config = layer.getConfig();
      if (layer.getClassName() !== 'Dense') throw new Error(`model layer "${layer.name}" is a ${layer.getClassName()}; only dense layers can be scored`);
      const activation = String(config.activation ?? 'linear');
      if (!ACTIVATIONS.has(activation)) throw new Error(`model layer "${layer.name}" has activation "${activation}", which the scorer does not know`);
      if (config.useBias === false) throw new Error(`model layer "${layer.name}" has no bias, which the app never exports`);
      const [kernel, bias] = layer.getWeights();
      const [inputs, units] = kernel.shape;
      layers.push({
        inputs, units, kernel: Float64Array.from(await kernel.data()), bias: Float64Array.from(await bias.data()),
        activation: activation as DenseLayer['activation'],
      });
    }
    return { layers };
  } finally {
    model.dispose();
  }
}

function activate(h: Float64Array, units: number, activation: DenseLayer['activation']): void {
  if (activation === 'relu') for (let i = 0; i < h.length; i++) h[i] = h[i] > 0 ? h[i] : 0;
  else if (activation === 'tanh') for (let i = 0; i < h.length; i++) h[i] = Math.tanh(h[i]);
  else if (activation === 'sigmoid') for (let i = 0; i < h.length; i++) h[i] = 1 / (1 + Math.exp(-h[i]));
  else if (activation === 'softmax') {
    for (let r = 0; r < h.length; r += units) {
      let max = -Infinity;
      for (let k = 0; k < units; k++) max = Math.max(max, h[r + k]);
      let sum = 0;
      for (let k = 0; k < units; k++) sum += (h[r + k] = Math.exp(h[r + k] - max));
      for (let k = 0; k < units; k++) h[r + k] /= sum;
    }
  }
}

/**
 * Forward pass in float64 over a row-major [n, d] matrix; returns row-major [n, units of the last layer]. The same
 * arithmetic as the bundle's `score.py` (NumPy), so both give the same scores to about 1e-15.
 */
export function predictDense(stack: DenseStack, x: Float64Array, n: number): Float64Array {
  let h = x;
  for (const layer of stack.layers) {
    const { inputs, units, kernel, bias } = layer;
    const out = new Float64Array(n * units);
    for (let r = 0; r < n; r++) {
      const row = r * inputs;
      const o = r * units;
      for (let u = 0; u < units; u++) out[o + u] = bias[u];
      for (let i = 0; i < inputs; i++) {
        const v = h[row + i];
        if (v === 0) continue;
        const k = i * units;
        for (let u = 0; u < units; u++) out[o + u] += v * kernel[k + u];
      }
    }
    activate(out, units, layer.activation);
    h = out;
  }
  return h;
}
