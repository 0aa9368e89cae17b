import * as v from 'valibot';
import { ROLES } from '../contract/data-contract.ts';

// The schemas of format 1's JSON files, as build-bundle.ts writes them. Objects are not strict: a key this reader
// does not know is dropped from the output, never trusted.

const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a lower-case SHA-256 hex digest'));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const ratio = v.nullable(v.number());
const modelKind = v.picklist(['prior', 'logistic', 'mlp']);
const task = v.picklist(['binary', 'multiclass']);
const runStatus = v.picklist(['completed', 'cancelled']);
const backendName = v.picklist(['webgpu', 'webgl', 'wasm', 'cpu']);
const threshold = v.pipe(v.number(), v.finite());

const strategy = v.variant('kind', [
  v.object({ kind: v.literal('fixed'), value: v.number() }),
  v.object({ kind: v.literal('min-cost'), costFp: v.number(), costFn: v.number() }),
  v.object({ kind: v.literal('max-f1') }),
  v.object({ kind: v.literal('precision-at-least'), target: v.number() }),
  v.object({ kind: v.literal('recall-at-least'), target: v.number() }),
]);

const thresholdChoice = v.object({
  strategy, threshold, chosen_on: v.picklist(['validation', 'input']), feasible: v.boolean(), objective: ratio, note: v.string(),
});

const split = v.variant('policy', [
  v.object({ policy: v.literal('stratified-random'), fractions: v.tuple([v.number(), v.number(), v.number()]) }),
  v.object({ policy: v.literal('group'), column: v.string(), fractions: v.tuple([v.number(), v.number(), v.number()]) }),
  v.object({ policy: v.literal('time'), column: v.string(), cuts: v.tuple([v.number(), v.number()]) }),
]);

/** `manifest.json` of format 1. */
export const ManifestSchema = v.object({
  format: v.literal(1),
  bundle_id: v.pipe(v.string(), v.regex(/^(prior|logistic|mlp)-[0-9a-f]{12}-[0-9a-f]{12}$/, 'must be <model>-<12 hex>-<12 hex>')),
  created_at: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time')),
  app: v.object({ version: v.string(), git_sha: v.string() }),
  snapshot: v.object({ sha256, file_name: v.string(), rows: count }),
  label: v.string(),
  positive_class: v.string(),
  task,
  classes: v.optional(v.array(v.string())),
  feature_schema: v.array(v.object({ name: v.string(), type: v.picklist(['numeric', 'categorical', 'boolean', 'datetime', 'unknown']) })),
  seed: count,
  backend: backendName,
  threshold,
  run_status: runStatus,
  files: v.record(v.string(), sha256),
});

/** `config.json` of format 1. */
export const ConfigSchema = v.object({
  format: v.literal(1),
  model: modelKind,
  task,
  classes: v.optional(v.array(v.string())),
  seed: count,
  split,
  hyperparameters: v.record(v.string(), v.unknown()),
  class_weight: v.picklist(['none', 'balanced']),
  label: v.string(),
  positive_class: v.string(),
  features: v.array(v.string()),
  backend: v.object({ requested: v.picklist(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']), used: backendName }),
  threshold,
  run_status: runStatus,
  threshold_choice: v.optional(thresholdChoice),
});

const reportEntries = {
  n: count, n_pos: count, n_neg: count, threshold, tp: count, fp: count, tn: count, fn: count,
  accuracy: ratio, precision: ratio, recall: ratio, specificity: ratio, f1: ratio, balanced_accuracy: ratio, mcc: ratio,
  roc_auc: ratio, average_precision: ratio, brier: ratio, log_loss: ratio, ece: ratio, mce: ratio,
};

/** `metrics.json` of format 1: the test report at the bundle's threshold, with the validation and train reports. */
export const MetricsSchema = v.object({
  format: v.literal(1),
  split: v.literal('test'),
  ...reportEntries,
  validation: v.object(reportEntries),
  train: v.optional(v.object(reportEntries)),
  threshold_choice: v.optional(thresholdChoice),
});

/** `contract.json` of format 1: the run contract, plus the data contract's parts when the run had one. */
export const ContractFileSchema = v.object({
  version: v.number(),
  label: v.string(),
  positive_class: v.string(),
  features: v.array(v.string()),
  data_contract_revision: v.optional(count),
  roles: v.optional(v.record(v.string(), v.picklist(ROLES))),
  label_timing: v.optional(v.unknown()),
  split: v.optional(split),
  missing_tokens: v.optional(v.array(v.string())),
  dismissed: v.optional(v.array(v.object({ findingId: v.string(), reason: v.string(), at: v.string() }))),
});

/** `preprocessing.json` of format 1. */
export const PreprocessingSchema = v.object({
  format: v.literal(1),
  steps: v.array(v.variant('kind', [
    v.object({ kind: v.literal('numeric'), column: v.string(), median: v.number(), mean: v.number(), scale: v.number(), missingIndicator: v.boolean() }),
    v.object({ kind: v.literal('categorical'), column: v.string(), categories: v.array(v.string()) }),
  ])),
  outputNames: v.array(v.string()),
});

/** `compact.json` of format 1. */
export const CompactFileSchema = v.object({
  format: v.literal(1),
  bundle_id: v.string(),
  fields: v.array(v.object({ key: v.string(), title: v.string(), value: v.string(), prefilled: v.boolean() })),
});

/** The layer classes the app's models use; tfjs builds them from its own registry, so no bundle code ever runs. */
const layer = v.object({ class_name: v.picklist(['Dense', 'Dropout', 'InputLayer']), config: v.record(v.string(), v.unknown()) });

/** `model/model.json`: a tfjs LayersModel of one Sequential stack, its weights in `weights.bin` beside it. */
export const ModelJsonSchema = v.object({
  format: v.literal('layers-model'),
  modelTopology: v.object({
    class_name: v.literal('Sequential'),
    config: v.object({ name: v.optional(v.string()), layers: v.array(layer) }),
  }),
  // One shard, and only that one: a loader resolves these paths next to model.json.
  weightsManifest: v.tuple([v.object({
    paths: v.tuple([v.literal('weights.bin')]),
    weights: v.array(v.object({
      name: v.string(),
      shape: v.array(count),
      dtype: v.picklist(['float32', 'int32', 'bool']),
    })),
  })]),
});

export type Manifest = v.InferOutput<typeof ManifestSchema>;
export type BundleConfig = v.InferOutput<typeof ConfigSchema>;
export type BundleMetrics = v.InferOutput<typeof MetricsSchema>;
export type ContractFile = v.InferOutput<typeof ContractFileSchema>;
export type PreprocessingFile = v.InferOutput<typeof PreprocessingSchema>;
export type CompactFile = v.InferOutput<typeof CompactFileSchema>;
export type ModelJson = v.InferOutput<typeof ModelJsonSchema>;
