/** A small fully connected network for binary classification, trained by seeded mini-batch Adam. */
export interface MlpHyperparameters {
  /** Units per hidden layer, e.g. [32, 32]. */
  readonly hidden: readonly number[];
  readonly activation: 'relu' | 'tanh' | 'sigmoid';
  /** Dropout rate in [0, 0.9], applied after each hidden layer during training only. */
  readonly dropout: number;
  /** L2 penalty on kernels (not biases), added to the mean loss as l2 · Σ w². */
  readonly l2: number;
  readonly learningRate: number;
  readonly batchSize: number;
  /** The most epochs to run. */
  readonly epochs: number;
  /** Early stopping: epochs without validation-loss improvement before training stops. */
  readonly patience: number;
  /** Adam's epsilon, passed explicitly because WebGL would otherwise impose 1e-4. */
  readonly epsilon: number;
}

/** The MLP settings a run gets unless overridden. */
export const DEFAULT_MLP: MlpHyperparameters = {
  hidden: [32, 32], activation: 'relu', dropout: 0.1, l2: 1e-4, learningRate: 0.01, batchSize: 256, epochs: 100, patience: 10, epsilon: 1e-7,
};

/** The most hidden layers: dropout seeds are salted `step * 16 + layer`, so layer indices must stay below 16. */
export const MLP_MAX_LAYERS = 15;
/** The most units in one hidden layer; larger nets do not fit the browser's memory or time budget. */
export const MLP_MAX_UNITS = 4096;

const ACTIVATIONS: readonly string[] = ['relu', 'tanh', 'sigmoid'];

function wholeInRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${value}.`);
}

function finiteInRange(name: string, value: number, min: number, max: number, minOpen = false): void {
  const ok = Number.isFinite(value) && (minOpen ? value > min : value >= min) && value <= max;
  if (!ok) throw new Error(`${name} must be a number ${minOpen ? 'above' : 'from'} ${min} ${minOpen ? 'and at most' : 'to'} ${max}, got ${value}.`);
}

/**
 * Checks every field and returns a clean copy holding only the known fields (so stray keys never reach a bundle);
 * throws a plain Error naming the bad field.
 */
export function validateMlp(h: MlpHyperparameters): MlpHyperparameters {
  if (!Array.isArray(h.hidden) || h.hidden.length < 1 || h.hidden.length > MLP_MAX_LAYERS) {
    throw new Error(`hidden must list 1 to ${MLP_MAX_LAYERS} layer sizes, got ${JSON.stringify(h.hidden)}.`);
  }
  h.hidden.forEach((units, i) => wholeInRange(`hidden[${i}]`, units, 1, MLP_MAX_UNITS));
  if (!ACTIVATIONS.includes(h.activation)) throw new Error(`activation must be one of ${ACTIVATIONS.join(', ')}, got ${String(h.activation)}.`);
  finiteInRange('dropout', h.dropout, 0, 0.9);
  finiteInRange('l2', h.l2, 0, 1);
  finiteInRange('learningRate', h.learningRate, 0, 10, true);
  wholeInRange('batchSize', h.batchSize, 1, 1 << 20);
  wholeInRange('epochs', h.epochs, 1, 100000);
  wholeInRange('patience', h.patience, 1, 100000);
  finiteInRange('epsilon', h.epsilon, 0, 1, true);
  return {
    hidden: [...h.hidden], activation: h.activation, dropout: h.dropout, l2: h.l2, learningRate: h.learningRate,
    batchSize: h.batchSize, epochs: h.epochs, patience: h.patience, epsilon: h.epsilon,
  };
}
