import type { TrainOutcome } from '../train/train-outcome.ts';

/** The bundle format this code writes. Format 2 adds report.html, model-card.md, environment.json and optional parity.json. */
export const BUNDLE_FORMAT = 2;

/** The tfjs-layers version recorded in model.json's `generatedBy` ("TensorFlow.js tfjs-layers v4.22.0"), or null. */
function layersVersion(modelJson: Uint8Array): string | null {
  try {
    const generatedBy = (JSON.parse(new TextDecoder().decode(modelJson)) as { generatedBy?: unknown }).generatedBy;
    const match = typeof generatedBy === 'string' ? /v(\d+)\.(\d+)\.(\d+)/.exec(generatedBy) : null;
    return match ? `${match[1]}.${match[2]}.${match[3]}` : null;
  } catch {
    return null;
  }
}

/**
 * `environment.json`: the app build, the tfjs versions that load the model (read from model.json, so it is a fact of
 * the artifact), the backend that trained it and the format. Content only: no clock, no host name.
 */
export function environmentFile(outcome: TrainOutcome, app: { readonly version: string; readonly gitSha: string }): object {
  const trained = layersVersion(outcome.modelFiles['model.json']);
  return {
    format: BUNDLE_FORMAT,
    app: { name: 'mle-playground', version: app.version, git_sha: app.gitSha },
    model_format: 'tfjs-layers-model',
    tfjs: {
      trained_with: trained,
      // The LayersModel JSON and weight layout are stable within a major version; the caret range is what the app
      // itself depends on, and what this model was checked to load with.
      loads_with: trained ? { '@tensorflow/tfjs-layers': `^${trained}`, '@tensorflow/tfjs-core': `^${trained}` } : null,
      loader: 'tf.loadLayersModel (no custom layers, no code)',
    },
    backend: { requested: outcome.config.backend, used: outcome.backend.name },
    task: outcome.config.task ?? 'binary',
  };
}
