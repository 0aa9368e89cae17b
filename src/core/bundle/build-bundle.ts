import { Zip, zipSync, type ZipInputFile } from 'fflate';
import type { DataContract } from '../contract/data-contract.ts';
import type { RecordedFinding } from '../contract/run-checks.ts';
import { snapshotSummary, type Snapshot } from '../data/snapshot.ts';
import { sha256Hex } from '../data/sha256.ts';
import type { BinaryReport } from '../metrics/types.ts';
import { multiclassReport } from '../metrics/multiclass-report.ts';
import { reportTopLevel } from '../evaluation/report-top-level.ts';
import type { ScoredSplit, TrainOutcome } from '../train/train-outcome.ts';
import type { ChosenThreshold } from '../evaluation/threshold-strategy.ts';
import { canonicalJson, jsonBytes } from '../canonical-json.ts';
import { compactJson, compactMarkdown, type CompactField } from './compact.ts';
import { BUNDLE_FORMAT, environmentFile } from './environment.ts';
import type { EvaluationReport } from '../evaluation/evaluation-report.ts';
import type { Comparison } from '../evaluation/compare-runs.ts';
import { modelCard } from './model-card.ts';
import { parityFile } from './parity.ts';
import type { ReportData } from './report-data.ts';
import { reportHtml } from './report-html.ts';
import { inferenceContract } from './inference-contract.ts';
import { SCORE_PY } from './score-py.ts';
import { referenceProfile, type ReferenceProfile } from '../drift/reference-profile.ts';
import type { GatesFile } from '../gates/gates-file.ts';
import type { LedgerEntry } from '../ledger/ledger-entry.ts';
import { ledgerJson, ledgerMarkdown } from '../ledger/ledger-markdown.ts';

/** Build facts the bundle records about the app itself. */
export interface AppInfo {
  readonly version: string;
  readonly gitSha: string;
}

export interface BundleInput {
  readonly snapshot: Snapshot;
  readonly outcome: TrainOutcome;
  readonly threshold: number;
  /** `referenceProfile(snapshot, outcome, threshold, dataContract)` when the host computed it already; else made here. */
  readonly referenceProfile?: ReferenceProfile;
  readonly testReport: BinaryReport;
  readonly validationReport: BinaryReport;
  readonly trainReport?: BinaryReport;
  readonly compact: readonly CompactField[];
  /** The data contract behind the run, when there is one; its rules (which quote data values) are left out. */
  readonly dataContract?: DataContract;
  readonly app: AppInfo;
  /** ISO 8601 creation time; a parameter so tests and replays are deterministic. */
  readonly createdAt: string;
  readonly thresholdChoice?: ChosenThreshold | null;
  /** The test split's full evaluation at `threshold` (curves, intervals, slices, clusters), for report.html. */
  readonly evaluation: EvaluationReport;
  /** Columns whose values never enter the bundle (the contract's PII role, or the profile's PII suggestions). */
  readonly piiColumns: readonly string[];
  /** Warn and fail findings of the checks before training, open or dismissed with the reason: `findings.json`. */
  readonly findings?: readonly RecordedFinding[];
  readonly comparison?: Comparison | null;
  /** Rows of parity.json (0 or absent: no parity.json, the default, since it holds real feature cells). */
  readonly parityRows?: number;
  /** The promotion-gate verdict; written as `gates.json`, and the manifest says whether the run is promotable. */
  readonly gates?: GatesFile;
  /** Observation Ledger entries to ship as ledger.json and ledger.md; absent: neither file is written. */
  readonly ledger?: readonly LedgerEntry[];
}

/** A built bundle: its ID, the zip's file name and every file's bytes by path. */
export interface Bundle {
  readonly id: string;
  readonly fileName: string;
  readonly files: Readonly<Record<string, Uint8Array>>;
}

/** `contract.json`: label, positive class, features, and the roles, split and dismissals of the data contract. */
function contractFile(outcome: TrainOutcome, data: DataContract | undefined): object {
  const { contract } = outcome;
  const base = { version: contract.version, label: contract.label, positive_class: contract.positiveClass, features: contract.features };
  if (!data) return base;
  return {
    ...base, data_contract_revision: data.revision, roles: data.roles, label_timing: data.labelTiming, split: data.split,
    missing_tokens: data.missingTokens, dismissed: data.dismissed, hashed_columns: data.hashedColumns ?? [],
    ...(data.gates ? { gates: data.gates } : {}),
  };
}

/** `findings.json`: the open and the dismissed findings (with evidence, reason and time), and how many of each. */
function findingsFile(findings: readonly RecordedFinding[]): object {
  const open = findings.filter((f) => f.state === 'open');
  const dismissed = findings.filter((f) => f.state === 'dismissed');
  return { format: 1, open_fail: open.filter((f) => f.status === 'fail').length, open: open.length, dismissed: dismissed.length, findings };
}

/** One bundle file that holds raw category values as written in the data, and the columns they come from. */
export interface RawValuesEntry {
  readonly file: string;
  readonly columns: readonly string[];
}

/**
 * Where raw category values sit in the bundle: the label's classes (positive class, and every class for softmax)
 * in the manifest, config, contract and compact; each categorical feature's vocabulary in `preprocessing.json`,
 * unless the column keeps its values out (then only salted digests are there), and in the files that summarise or
 * report on those features (inference contract, reference profile, report, model card, opt-in parity rows).
 * `present` names the files this bundle holds. For the manifest's `raw_values`.
 */
export function rawValueFiles(outcome: TrainOutcome, present: ReadonlySet<string>): RawValuesEntry[] {
  const label = [outcome.contract.label];
  const clear = outcome.preprocessing.steps.filter((s) => s.kind === 'categorical' && s.salt === undefined).map((s) => s.column);
  const summaries = ['inference-contract.json', 'model-card.md', 'parity.json', 'preprocessing.json', 'reference-profile.json', 'report.html'];
  return [
    ...['compact.json', 'compact.md', 'config.json', 'contract.json', 'manifest.json'].map((file) => ({ file, columns: label })),
    ...(clear.length > 0 ? summaries.filter((file) => present.has(file)).map((file) => ({ file, columns: clear })) : []),
  ];
}

/** `config.json`: what decided the run and the decision threshold, plus the backend that actually ran it. */
export function bundleConfig(outcome: TrainOutcome, threshold: number, choice: ChosenThreshold | null = null): object {
  const { config, contract } = outcome;
  return {
    format: 1, model: config.model, task: config.task ?? 'binary', ...(outcome.classes ? { classes: outcome.classes } : {}), seed: config.seed, split: config.split, hyperparameters: config.hyperparameters, class_weight: config.classWeight,
    label: contract.label, positive_class: contract.positiveClass, features: contract.features,
    backend: { requested: config.backend, used: outcome.backend.name }, threshold, run_status: outcome.status,
    // Only a threshold the strategy actually chose is recorded with it; a hand-moved slider is a fixed threshold.
    ...(choice && choice.threshold === threshold ? { threshold_choice: choice } : {}),
  };
}

/**
 * One split's metrics as metrics.json holds them: the binary report, or for a multiclass run the multiclass figures at
 * the top and the binary report under `one_vs_rest[positive class]` (see `reportTopLevel`).
 */
function splitMetrics(outcome: TrainOutcome, split: ScoredSplit, report: BinaryReport): object {
  const multi = outcome.classes && split.probabilities && split.classIndex ? multiclassReport(split.probabilities, split.classIndex, outcome.classes) : null;
  return reportTopLevel(report, multi, outcome.contract.positiveClass);
}

/** `<model-kind>-<sha256(snapshot)[:12]>-<sha256(canonical config)[:12]>`; the threshold is part of the config. */
export async function bundleId(outcome: TrainOutcome, threshold: number, choice: ChosenThreshold | null = null): Promise<string> {
  const configHash = await sha256Hex(new TextEncoder().encode(canonicalJson(bundleConfig(outcome, threshold, choice))));
  return `${outcome.config.model}-${outcome.snapshotId.slice(0, 12)}-${configHash.slice(0, 12)}`;
}

/** Assembles every bundle file (format 2) and a manifest holding the SHA-256 of each. PII never enters: only contract features do. */
export async function buildBundle(input: BundleInput): Promise<Bundle> {
  const { snapshot, outcome } = input;
  const choice = input.thresholdChoice ?? null;
  const id = await bundleId(outcome, input.threshold, choice);
  const featureSchema = outcome.contract.features.map((name) => ({ name, type: snapshot.columns.find((c) => c.name === name)?.type ?? 'unknown' }));
  const files: Record<string, Uint8Array> = {
    'model/model.json': outcome.modelFiles['model.json'],
    'model/weights.bin': outcome.modelFiles['weights.bin'],
    'preprocessing.json': jsonBytes(outcome.preprocessing),
    'contract.json': jsonBytes(contractFile(outcome, input.dataContract)),
    'config.json': jsonBytes(bundleConfig(outcome, input.threshold, choice)),
    'metrics.json': jsonBytes({
      format: 1, split: 'test', ...splitMetrics(outcome, outcome.test, input.testReport), validation: splitMetrics(outcome, outcome.validation, input.validationReport),
      ...(input.trainReport ? { train: splitMetrics(outcome, outcome.train, input.trainReport) } : {}), ...(choice && choice.threshold === input.threshold ? { threshold_choice: choice } : {}),
      ...(outcome.reliance ? { importance: { permutation: outcome.reliance.importance, coefficients: outcome.reliance.coefficients } } : {}),
    }),
    ...(input.gates ? { 'gates.json': jsonBytes(input.gates) } : {}),
    'compact.md': new TextEncoder().encode(compactMarkdown(input.compact, id)),
    'compact.json': jsonBytes(compactJson(input.compact, id)),
    'environment.json': jsonBytes(environmentFile(outcome, input.app)),
    'inference-contract.json': jsonBytes(inferenceContract(snapshot, outcome, input.threshold, id, input.dataContract)),
    'reference-profile.json': jsonBytes(input.referenceProfile ?? referenceProfile(snapshot, outcome, input.threshold, input.dataContract)),
    'score.py': new TextEncoder().encode(SCORE_PY),
    ...(input.findings ? { 'findings.json': jsonBytes(findingsFile(input.findings)) } : {}),
  };
  const report: ReportData = {
    bundleId: id, snapshot, outcome, metrics: input.testReport, evaluation: input.evaluation, compact: input.compact,
    piiColumns: input.piiColumns, app: input.app,
    ...(input.dataContract ? { dataContract: input.dataContract } : {}), ...(input.findings ? { findings: input.findings } : {}), comparison: input.comparison ?? null,
    ...(input.gates ? { gates: input.gates } : {}), ...(input.ledger ? { ledger: input.ledger } : {}),
  };
  files['report.html'] = new TextEncoder().encode(reportHtml(report));
  files['model-card.md'] = new TextEncoder().encode(modelCard(report));
  if (input.ledger) {
    files['ledger.json'] = jsonBytes(ledgerJson(input.ledger));
    files['ledger.md'] = new TextEncoder().encode(ledgerMarkdown(input.ledger));
  }
  if (input.parityRows && input.parityRows > 0) files['parity.json'] = jsonBytes(parityFile(snapshot, outcome, input.piiColumns, input.parityRows));
  const hashes: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) hashes[path] = await sha256Hex(files[path]);
  const manifest = {
    format: BUNDLE_FORMAT, bundle_id: id, created_at: input.createdAt,
    app: { version: input.app.version, git_sha: input.app.gitSha },
    snapshot: snapshotSummary(snapshot),
    label: outcome.contract.label, positive_class: outcome.contract.positiveClass,
    task: outcome.config.task ?? 'binary', ...(outcome.classes ? { classes: outcome.classes } : {}),
    feature_schema: featureSchema, seed: outcome.config.seed, backend: outcome.backend.name,
    threshold: input.threshold, run_status: outcome.status, files: hashes,
    ...(input.gates ? { promotable: input.gates.promotable, failed_gates: input.gates.failed } : {}),
    // Ledger entries name the positive class of each run they record.
    raw_values: [...rawValueFiles(outcome, new Set(Object.keys(files))), ...(input.ledger ? ['ledger.json', 'ledger.md'].map((file) => ({ file, columns: [outcome.contract.label] })) : [])],
    hashed_values: outcome.preprocessing.steps.filter((s) => s.kind === 'categorical' && s.salt !== undefined).map((s) => s.column),
  };
  return { id, fileName: `${id}.zip`, files: { 'manifest.json': jsonBytes(manifest), ...files } };
}

/**
 * A host's own raw DEFLATE (RFC 1951, level 6) and CRC-32, for `zipBundle` to compress with instead of fflate's: in
 * Node, zlib is native, about 7× faster than fflate's deflate in a process that runs it once (cold JIT), 40 ms a bundle.
 */
export interface HostDeflate {
  deflateRaw(bytes: Uint8Array): Uint8Array;
  crc32(bytes: Uint8Array): number;
}

/**
 * Zips a bundle (fflate's zip container; fflate's deflate, or the host's when given); entries carry the bundle's
 * creation time so equal bundles give equal bytes from the same deflate.
 */
export function zipBundle(bundle: Bundle, createdAt: string, host?: HostDeflate): Uint8Array {
  const mtime = new Date(createdAt);
  if (!host) return zipSync(Object.fromEntries(Object.entries(bundle.files).map(([path, bytes]) => [path, [bytes, { mtime }]])), { level: 6 });
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [path, bytes] of Object.entries(bundle.files)) {
    const file: ZipInputFile = { filename: path, size: bytes.length, crc: host.crc32(bytes), compression: 8, mtime };
    zip.add(file);
    // fflate sets ondata when the file is added; the whole entry goes in one final chunk, synchronously.
    file.ondata?.(null, new Uint8Array(host.deflateRaw(bytes)), true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
