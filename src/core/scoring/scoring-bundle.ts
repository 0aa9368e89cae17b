import type { InferenceContract } from '../bundle/inference-contract.ts';
import type { ReferenceProfile } from '../drift/reference-profile.ts';
import type { Preprocessing } from '../features/preprocessing.ts';
import { loadDenseStack, type DenseStack } from '../models/dense-stack.ts';
import { errorText } from '../error-text.ts';

/** What batch scoring needs from a bundle: its ID, pipeline, inference contract, model and (format 2+) reference profile. */
export interface ScoringBundle {
  readonly id: string;
  readonly preprocessing: Preprocessing;
  readonly contract: InferenceContract;
  readonly model: DenseStack;
  readonly reference: ReferenceProfile | null;
}

function json<T>(files: Readonly<Record<string, Uint8Array>>, path: string, source: string): T {
  const bytes = files[path];
  if (!bytes) throw new Error(`${source} has no ${path}; it was exported before batch scoring existed, so re-export it`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (e) {
    throw new Error(`${source}: ${path} is not valid JSON (${errorText(e)})`);
  }
}

/** Reads and cross-checks a bundle's scoring files (path → bytes); `source` names the bundle in messages. */
export async function openScoringBundle(files: Readonly<Record<string, Uint8Array>>, source: string): Promise<ScoringBundle> {
  const manifest = json<{ bundle_id?: unknown }>(files, 'manifest.json', source);
  const preprocessing = json<Preprocessing>(files, 'preprocessing.json', source);
  const contract = json<InferenceContract>(files, 'inference-contract.json', source);
  if (!Array.isArray(preprocessing.steps) || !Array.isArray(preprocessing.outputNames)) throw new Error(`${source}: preprocessing.json has no steps`);
  if (!Array.isArray(contract.columns) || typeof contract.threshold !== 'number') throw new Error(`${source}: inference-contract.json lacks columns or threshold`);
  const modelJson = files['model/model.json'];
  const weights = files['model/weights.bin'];
  if (!modelJson || !weights) throw new Error(`${source} has no model/model.json and model/weights.bin`);
  let model: DenseStack;
  try {
    model = await loadDenseStack(modelJson, weights);
  } catch (e) {
    throw new Error(`${source}: the model cannot be loaded (${errorText(e)})`);
  }
  const width = preprocessing.outputNames.length;
  if (model.layers.length === 0 || model.layers[0].inputs !== width) {
    throw new Error(`${source}: the model takes ${model.layers[0]?.inputs ?? 0} inputs but preprocessing.json makes ${width}`);
  }
  const id = typeof manifest.bundle_id === 'string' ? manifest.bundle_id : contract.model_version;
  const reference = files['reference-profile.json'] ? json<ReferenceProfile>(files, 'reference-profile.json', source) : null;
  return { id, preprocessing, contract, model, reference };
}
