// Entry point for hosts that train (workers, CLI, tests); kept apart from index.ts so the page bundle never pulls in tfjs.
export { trainBaseline, type TrainHooks } from './train/train-baseline.ts';
export { BackendLostError, trainWithFallback } from './train/train-with-fallback.ts';
export { activateBackend } from './models/backend.ts';
export { logisticLayersModel, predictScores, saveModelFiles, type ModelFiles } from './models/layers-model.ts';
export { minimizeLbfgs } from './models/lbfgs.ts';
export { trainLogistic } from './models/train-logistic.ts';
export { calibrateBackends, calibrateMlpBackends, fastest, mlpShapeClass, type Calibration, type MlpShape } from './models/calibrate.ts';
export { quietTfjs } from './models/quiet-tfjs.ts';
export { loadModelFiles } from './models/load-model-files.ts';
