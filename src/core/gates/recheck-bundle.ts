import { errorText } from '../error-text.ts';
import { evaluateGates, type GateReport } from './evaluate-gates.ts';
import type { GateEvidence, Observed } from './gate-evidence.ts';
import { parseGateSpec, type GateSpec } from '../contract/gate-spec.ts';

/** The verdict re-computed from a bundle's own files, with the spec that was judged. */
export interface BundleRecheck {
  readonly bundleId: string;
  readonly spec: GateSpec;
  readonly report: GateReport;
}

type Files = Readonly<Record<string, Uint8Array>>;

function json(files: Files, path: string): unknown {
  const bytes = files[path];
  if (!bytes) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Error(`${path} in the bundle is not valid JSON: ${errorText(e)}`);
  }
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * Re-judges a bundle's gates from its contents: `files` are the unzipped entries (hashes already checked by the
 * caller against the manifest). The spec is `override` when given, else the bundle's `gates.json` spec, else the
 * contract's gates section. Test metrics come from `metrics.json` and the model size from the model files
 * themselves; intervals, baseline, slices, findings and latency come from the evidence recorded in `gates.json`
 * (and fail closed when it holds none). Throws one line when the bundle has no manifest or no spec.
 */
export function recheckBundle(files: Files, override: GateSpec | null): BundleRecheck {
  const manifest = json(files, 'manifest.json') as { bundle_id?: unknown } | undefined;
  if (!manifest || typeof manifest.bundle_id !== 'string') throw new Error('the bundle has no manifest.json with a bundle_id');
  const recorded = json(files, 'gates.json') as { spec?: unknown; evidence?: GateEvidence } | undefined;
  let spec = override;
  if (!spec) {
    const from = recorded?.spec ?? (json(files, 'contract.json') as { gates?: { spec?: unknown } } | undefined)?.gates?.spec;
    if (from === undefined) throw new Error('the bundle declares no gates (no gates.json, no gates in contract.json); pass --gates g.json');
    const parsed = parseGateSpec(from);
    if (!parsed.ok) throw new Error(`the bundle's gate spec is invalid: ${parsed.message}`);
    spec = parsed.spec;
  }
  const metrics = (json(files, 'metrics.json') ?? {}) as Record<string, unknown>;
  const old = recorded?.evidence;
  const observed: Record<string, Observed> = {};
  for (const m of ['roc_auc', 'average_precision', 'precision', 'recall', 'f1', 'log_loss', 'ece']) {
    const value = num(metrics[m]);
    const before = old?.metrics[m];
    // The recorded interval belongs to the recorded value; it is kept only while metrics.json agrees with it.
    observed[m] = before && before.value === value ? before : { value, ...(value === null ? { note: `metrics.json gives no ${m}` } : {}) };
  }
  const t = ['n', 'n_pos', 'threshold', 'tp', 'fp', 'tn', 'fn'].map((k) => num(metrics[k]));
  const test = t.every((x) => x !== null) ? { n: t[0] as number, n_pos: t[1] as number, threshold: t[2] as number, tp: t[3] as number, fp: t[4] as number, tn: t[5] as number, fn: t[6] as number } : null;
  const modelBytes = files['model/model.json'] && files['model/weights.bin'] ? files['model/model.json'].length + files['model/weights.bin'].length : null;
  const evidence: GateEvidence = {
    test, metrics: observed,
    baseline: old?.baseline ?? null, ...(old?.baselineNote !== undefined ? { baselineNote: old.baselineNote } : old ? {} : { baselineNote: 'the bundle records no baseline comparison' }),
    slices: old?.slices ?? {}, findings: old?.findings ?? null, latency: old?.latency ?? null, modelBytes,
  };
  return { bundleId: manifest.bundle_id, spec, report: evaluateGates(spec, evidence) };
}
