import type { OpenedBundle } from './read-bundle.ts';

/** What `inspect` prints and the app shows for an opened bundle: identity, run, headline test metrics and files. */
export interface BundleSummary {
  readonly valid: true;
  readonly format: 1;
  readonly bundle_id: string;
  readonly created_at: string;
  readonly app: { readonly version: string; readonly git_sha: string };
  readonly snapshot: { readonly sha256: string; readonly file_name: string; readonly rows: number };
  readonly model: string;
  readonly task: string;
  readonly label: string;
  readonly positive_class: string;
  readonly classes?: readonly string[];
  readonly features: number;
  readonly model_inputs: number;
  readonly seed: number;
  readonly backend: string;
  readonly threshold: number;
  readonly run_status: string;
  /** The test split's headline metrics at the bundle's threshold (null where undefined). */
  readonly test: Readonly<Record<'n' | 'n_pos' | 'tp' | 'fp' | 'tn' | 'fn', number> & Record<'roc_auc' | 'average_precision' | 'precision' | 'recall' | 'f1' | 'accuracy' | 'brier' | 'log_loss', number | null>>;
  /** Compact fields the author has written (prefilled ones excluded), out of all fields. */
  readonly compact: { readonly written: number; readonly prefilled: number; readonly fields: number };
  /** Every file with its size in bytes and SHA-256, as verified. */
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly sha256: string | null }[];
}

/** A JSON-ready summary of a verified bundle. */
export function bundleSummary(bundle: OpenedBundle): BundleSummary {
  const { manifest, metrics: m, compact } = bundle;
  return {
    valid: true, format: bundle.format, bundle_id: bundle.id, created_at: manifest.created_at, app: manifest.app,
    snapshot: manifest.snapshot, model: bundle.config.model, task: manifest.task, label: manifest.label,
    positive_class: manifest.positive_class, ...(manifest.classes ? { classes: manifest.classes } : {}),
    features: manifest.feature_schema.length, model_inputs: bundle.preprocessing.outputNames.length, seed: manifest.seed,
    backend: manifest.backend, threshold: manifest.threshold, run_status: manifest.run_status,
    test: {
      n: m.n, n_pos: m.n_pos, tp: m.tp, fp: m.fp, tn: m.tn, fn: m.fn, roc_auc: m.roc_auc, average_precision: m.average_precision,
      precision: m.precision, recall: m.recall, f1: m.f1, accuracy: m.accuracy, brier: m.brier, log_loss: m.log_loss,
    },
    compact: {
      written: compact.fields.filter((f) => f.value.trim() !== '' && !f.prefilled).length,
      prefilled: compact.fields.filter((f) => f.prefilled).length,
      fields: compact.fields.length,
    },
    files: [...bundle.files].map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: manifest.files[path] ?? null })),
  };
}
