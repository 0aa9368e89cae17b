import { isMulticlass, type RunConfig } from '../config.ts';
import type { Contract } from '../contract/contract.ts';
import { encodeClasses } from '../contract/encode-classes.ts';
import { encodeLabel, splitStrata } from '../contract/encode-label.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { fitPreprocessing } from '../features/fit-preprocessing.ts';
import { transform } from '../features/transform.ts';
import type { ActiveBackend, BackendName } from '../models/backend-name.ts';
import { classWeights } from '../models/class-weights.ts';
import type { MlpKernel } from '../models/mlp-kernel.ts';
import { makeSplit } from '../split/make-split.ts';
import { summarizeSplit, trainingClassesBlocker } from '../split/split-summary.ts';
import { fitModel, type Fitted } from './fit-model.ts';
import { modelReliance } from '../reliance/model-reliance.ts';
import type { ScoredSplit, TrainOutcome, TrainProgress } from './train-outcome.ts';
import { epochEta } from './epoch-eta.ts';

/** Callbacks a host (worker or CLI) supplies; the clock is a parameter so tests stay deterministic. */
export interface TrainHooks {
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Asked after every step; a host may await here to let cancel messages in. */
  readonly shouldStop?: () => boolean | Promise<boolean>;
  readonly now?: () => number;
  /** Backends to pass over in automatic mode, with the reason (see `activateBackend`). */
  readonly skipBackends?: Partial<Record<BackendName, string>>;
  /** In automatic mode, the backend to try first (a calibration's winner), and the sentence that explains it. */
  readonly autoBackend?: { readonly name: BackendName; readonly note: string };
  /** Backends that must not run at all, with the reason noted (one whose device was lost in an earlier attempt). */
  readonly excludeBackends?: Partial<Record<BackendName, string>>;
  /** Called once the backend is running, before any data moves to it (a host may watch its device from here). */
  readonly onBackend?: (backend: ActiveBackend) => void;
  /**
   * Called once every split is scored, before the model's reliance is measured: a host with a second thread may
   * start evaluating the test split there while this one goes on.
   */
  readonly onScored?: (scored: Pick<TrainOutcome, 'train' | 'validation' | 'test' | 'classes'>) => void;
  /** MLP only: train with this kernel instead of timing the candidates (`reproduce` retrying a wasm bundle's other kernel). */
  readonly mlpKernel?: MlpKernel;
}

/**
 * Whether a run scores and saves its model on the host without loading tfjs: logistic regression, binary or
 * multinomial, with the cpu backend asked for (the host arithmetic equals tfjs's cpu backend bit for bit; another
 * backend rounds differently).
 */
export function runsOnHost(config: RunConfig, excludeBackends: TrainHooks['excludeBackends'] = {}): boolean {
  return config.model === 'logistic' && config.backend === 'cpu' && !excludeBackends.cpu;
}

// The backend a run uses: on the host path, the record `activateBackend('cpu', …)` gives (cpu always starts) without tfjs.
async function runBackend(config: RunConfig, hooks: TrainHooks): Promise<ActiveBackend> {
  if (runsOnHost(config, hooks.excludeBackends)) return { name: 'cpu', notes: Object.entries(hooks.excludeBackends ?? {}).map(([name, reason]) => `${name}: ${reason}`) };
  const { activateBackend } = await import('../models/backend.ts');
  return activateBackend(config.backend, hooks.skipBackends, hooks.autoBackend?.name, hooks.autoBackend?.note, hooks.excludeBackends);
}

const pick = (y: Uint8Array, rows: Int32Array): Uint8Array => Uint8Array.from(rows, (r) => y[r]);

// The run records which MLP kernel ran, and why, beside the backend: on cpu (and often wasm) the steps bypass tfjs.
function withKernelNote(backend: ActiveBackend, note: string | undefined): ActiveBackend {
  return note ? { ...backend, notes: [...backend.notes, note] } : backend;
}

/**
 * A whole run: encode the label, split, fit preprocessing on train rows only, train the configured model (prior,
 * logistic regression or MLP), then score validation and test through the same transform. Pure apart from the tfjs
 * backend it activates (none on the host path, see `runsOnHost`: tfjs is then never loaded).
 */
export async function trainBaseline(snapshot: Snapshot, contract: Contract, config: RunConfig, hooks: TrainHooks = {}): Promise<TrainOutcome> {
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const backend = await runBackend(config, hooks);
  hooks.onBackend?.(backend);
  // The host arithmetic is tfjs's cpu backend's, bit for bit, so a logistic run that automatic mode put on cpu (the
  // page's default for a model fitted on the host) scores, measures reliance and saves there too, without tfjs kernels.
  const host = runsOnHost(config, hooks.excludeBackends) || (config.model === 'logistic' && backend.name === 'cpu');
  // The 0/1 encoding drives the positive-class (one-vs-rest) views even when the model learns every class.
  const label = encodeLabel(snapshot, contract);
  const multi = isMulticlass(config) ? encodeClasses(snapshot, contract) : null;
  const target = multi ? multi.classIndex : label.y;
  const classes = multi ? multi.classes.length : 2;
  // Stratified on the label's classes whatever the task, so `check`, the app and `train` build one split.
  const split = makeSplit(snapshot, label.labelled, splitStrata(snapshot, contract, label.y), config.split, config.seed);
  // Refused before any fitting: a model trained without one of the classes scores it as impossible everywhere.
  const blocker = summarizeSplit(split, label.y).blocking[0] ?? (multi ? trainingClassesBlocker(split.train, multi.classIndex, multi.classes) : null);
  if (blocker) throw new Error(blocker);
  const preprocessing = fitPreprocessing(snapshot, contract.features, split.train, contract.hashedFeatures);
  const d = preprocessing.outputNames.length;
  const yTrain = pick(target, split.train);
  const train = { x: transform(preprocessing, snapshot, split.train), y: yTrain, weights: classWeights(yTrain, config.classWeight) };
  const xVal = transform(preprocessing, snapshot, split.validation);
  const history: TrainProgress[] = [];
  const steps = config.model === 'mlp' ? config.hyperparameters.epochs : null;
  let firstEpochEnd: number | null = null;
  const fitted: Fitted = await fitModel(config, train, { x: xVal, y: pick(target, split.validation) }, d, async (iteration, trainLoss, validationLoss) => {
    const elapsedMs = now() - started;
    if (iteration === 1) firstEpochEnd = elapsedMs;
    const progress = { iteration, trainLoss, validationLoss, elapsedMs, etaMs: epochEta(iteration, steps, firstEpochEnd, elapsedMs) };
    history.push(progress);
    hooks.onProgress?.(progress);
    return (await hooks.shouldStop?.()) ?? false;
  }, async () => (await hooks.shouldStop?.()) ?? false, classes, host, hooks.mlpKernel);
  const { model } = fitted;
  try {
    const score = async (rows: Int32Array, x: Float32Array): Promise<ScoredSplit> => {
      const outputs = await model.predict(x, rows.length, d);
      if (!multi) return { rows, labels: pick(label.y, rows), scores: outputs };
      const scores = Float64Array.from(rows, (_, i) => outputs[i * classes + multi.positiveIndex]);
      return { rows, labels: pick(label.y, rows), scores, classIndex: pick(target, rows), probabilities: outputs };
    };
    const trainScored = await score(split.train, train.x);
    const validation = await score(split.validation, xVal);
    const test = await score(split.test, transform(preprocessing, snapshot, split.test));
    hooks.onScored?.({ train: trainScored, validation, test, ...(multi ? { classes: multi.classes } : {}) });
    const modelFiles = await model.files();
    const permuted = model.predictPermuted?.bind(model);
    // Measured on the backend that trained the model, before it is disposed: what it relies on and what scoring costs.
    const reliance = fitted.stopped ? null : await modelReliance({
      preprocessing, xTrain: train.x, xValidation: xVal, yValidation: pick(target, split.validation), classes, coef: fitted.coef,
      predict: (x, m) => model.predict(x, m, d), seed: config.seed, backend: backend.name, now,
      ...(permuted ? { predictPermuted: (x: Float32Array, m: number, inputs: readonly number[], order: Int32Array) => permuted(x, m, d, inputs, order) } : {}),
    });
    const outcome: TrainOutcome = {
      status: fitted.stopped ? 'cancelled' : 'completed',
      snapshotId: snapshot.id, contract, config, ...(multi ? { classes: multi.classes } : {}), backend: withKernelNote(backend, fitted.kernelNote),
      iterations: fitted.iterations, converged: fitted.converged, optimizer: fitted.optimizer, bestEpoch: fitted.bestEpoch, durationMs: now() - started,
      split, preprocessing, coef: fitted.coef, intercept: fitted.intercept, train: trainScored, validation, test, modelFiles, history,
    };
    return reliance ? { ...outcome, reliance } : outcome;
  } finally {
    model.dispose();
  }
}
