import { Inflate } from 'fflate';
import * as v from 'valibot';
import { sha256Hex } from '../data/sha256.ts';
import { BundleError } from './bundle-error.ts';
import { BUNDLE_FOLDERS, bundleFileSet, FORMAT_1_FILES } from './bundle-files.ts';
import {
  CompactFileSchema, ConfigSchema, ContractFileSchema, EnvironmentSchema, ManifestSchema, MetricsSchema, MulticlassMetricsSchema, ModelJsonSchema, ParitySchema, PreprocessingSchema,
  type BundleConfig, type BundleMetrics, type CompactFile, type ContractFile, type EnvironmentFile, type Manifest, type ModelJson, type MulticlassMetrics, type ParityFileJson, type PreprocessingFile,
} from './bundle-schemas.ts';
import { canonicalJson } from '../canonical-json.ts';
import { errorText } from '../error-text.ts';
import { checkEntries, DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './entry-checks.ts';
import { crc32, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory.ts';

export { FORMAT_1_FILES };

/** A verified bundle, opened read-only: every JSON file parsed and checked against its schema, every byte hashed. */
export interface OpenedBundle {
  readonly format: 1 | 2;
  readonly id: string;
  readonly manifest: Manifest;
  readonly config: BundleConfig;
  /** The test report at the threshold; for a multiclass run, the positive class's one-vs-rest report (see `multiclassMetrics`). */
  readonly metrics: BundleMetrics;
  /** metrics.json of a multiclass run as written (multiclass figures at the top); null for a binary run. */
  readonly multiclassMetrics: MulticlassMetrics | null;
  readonly contract: ContractFile;
  readonly preprocessing: PreprocessingFile;
  readonly compact: CompactFile;
  readonly compactMarkdown: string;
  readonly model: ModelJson;
  /** Format 2's report (self-contained HTML; show it only in a sandbox without scripts), model card and environment; null in format 1. */
  readonly reportHtml: string | null;
  readonly modelCard: string | null;
  readonly environment: EnvironmentFile | null;
  /** The opt-in parity rows, when the bundle has them. */
  readonly parity: ParityFileJson | null;
  /** Every file's bytes by path (folders left out), as verified against the manifest. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const INFLATE_CHUNK = 16 * 1024;
const DTYPE_BYTES = { float32: 4, int32: 4, bool: 1 } as const;

/** Inflates one entry, refusing data that disagrees with its declared size or CRC; never holds more than declared. */
function inflateEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const raw = zip.subarray(entry.dataStart, entry.dataEnd);
  const mismatch = (what: string) => new BundleError('size-mismatch', `entry "${entry.name}" declares ${entry.size} bytes but its data ${what}`, entry.name);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw mismatch(`holds ${entry.compressedSize}`);
    out = raw.slice();
  } else {
    out = new Uint8Array(entry.size);
    let written = 0;
    // Pushed in small chunks so a lying size is caught after at most one chunk's output, not after the whole bomb.
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > entry.size) throw mismatch('inflates to more');
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      if (raw.length === 0) inflater.push(raw, true);
      for (let o = 0; o < raw.length; o += INFLATE_CHUNK) inflater.push(raw.subarray(o, o + INFLATE_CHUNK), o + INFLATE_CHUNK >= raw.length);
    } catch (e) {
      if (e instanceof BundleError) throw e;
      throw new BundleError('damaged', `entry "${entry.name}" is not valid deflate data (${errorText(e)})`, entry.name);
    }
    if (written !== entry.size) throw mismatch(`inflates to ${written}`);
  }
  if (crc32(out) !== entry.crc32) throw new BundleError('damaged', `entry "${entry.name}" fails its CRC-32 check`, entry.name);
  return out;
}

function text(path: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BundleError('schema', `${path} is not valid UTF-8 text`, path);
  }
}

/** JSON.parse that refuses a `__proto__` key anywhere, so no later copy of the object can pick up a prototype. */
function json(path: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(text(path, bytes), (key, value: unknown) => {
      if (key === '__proto__') throw new BundleError('reserved-name', `${path} uses the reserved key "__proto__"`, path);
      return value;
    });
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError('schema', `${path} is not valid JSON (${errorText(e)})`, path);
  }
}

function validate<const S extends v.GenericSchema>(schema: S, path: string, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = v.getDotPath(issue) ?? '(the whole file)';
  throw new BundleError('schema', `${path}: field ${field}: ${issue.message}`, path);
}

/** A multiclass metrics.json read as the binary report of the positive class, one vs rest, for every split. */
function oneVsRest(m: MulticlassMetrics, positive: string): BundleMetrics {
  const pick = (split: MulticlassMetrics['validation'], name: string) => {
    if (!Object.hasOwn(split.one_vs_rest, positive)) throw new BundleError('inconsistent', `metrics.json's ${name} report has no one-vs-rest report for the positive class "${positive}"`, 'metrics.json');
    return split.one_vs_rest[positive];
  };
  return {
    format: 1, split: 'test', ...pick(m, 'test'), validation: pick(m.validation, 'validation'),
    ...(m.train ? { train: pick(m.train, 'train') } : {}), ...(m.threshold_choice ? { threshold_choice: m.threshold_choice } : {}),
  };
}

/** The format version a manifest claims, before its full schema is checked. */
function formatOf(manifest: unknown): 1 | 2 {
  const format = (manifest as { format?: unknown } | null)?.format;
  if (format === 1 || format === 2) return format;
  const shown = format === undefined ? 'no format version' : `format ${JSON.stringify(format)}`;
  throw new BundleError('unknown-format', `manifest.json has ${shown}; this app reads bundle formats 1 and 2`, 'manifest.json');
}

/**
 * Verifies a bundle zip and opens it read-only. Throws a `BundleError` naming the first problem: an unsafe, linked,
 * duplicate or reserved entry; sizes that lie or pass the caps; an unknown or missing file; a hash that does not match
 * the manifest; an unknown format version; a JSON field that fails its schema; files that disagree with each other.
 * Pure: it reads `zip` and returns new values; nothing in the bundle is run.
 */
export async function readBundle(zip: Uint8Array, limits: Partial<BundleLimits> = {}): Promise<OpenedBundle> {
  const caps = { ...DEFAULT_BUNDLE_LIMITS, ...limits };
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(zip, caps.maxEntries);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new BundleError(e.kind, e.message);
    throw e;
  }
  checkEntries(entries, zip.length, caps);

  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifestEntry = byName.get('manifest.json');
  if (!manifestEntry) throw new BundleError('missing-file', 'the zip has no manifest.json, so it is not a bundle', 'manifest.json');
  const manifestJson = json('manifest.json', inflateEntry(zip, manifestEntry));
  const format = formatOf(manifestJson);
  const { required, optional } = bundleFileSet(format);

  const known = new Set<string>([...required, ...optional]);
  for (const e of entries) {
    if (BUNDLE_FOLDERS.has(e.name) && e.size === 0) continue;
    if (!known.has(e.name)) throw new BundleError('unknown-file', `entry "${e.name}" is not part of a format ${format} bundle`, e.name);
  }
  const missing = required.find((path) => !byName.has(path));
  if (missing) throw new BundleError('missing-file', `the bundle has no ${missing}`, missing);

  const files = new Map<string, Uint8Array>();
  for (const path of [...required, ...optional]) {
    const entry = byName.get(path);
    if (entry) files.set(path, inflateEntry(zip, entry));
  }
  const bytes = (path: string) => files.get(path) as Uint8Array;

  const manifest = validate(ManifestSchema, 'manifest.json', manifestJson);
  for (const path of files.keys()) {
    if (path !== 'manifest.json' && !(path in manifest.files)) throw new BundleError('unknown-file', `${path} is not listed in manifest.json`, path);
  }
  for (const [path, hash] of Object.entries(manifest.files)) {
    const data = files.get(path);
    if (!data || path === 'manifest.json') throw new BundleError('missing-file', `manifest.json lists "${path}", which the bundle does not hold`, path);
    const actual = await sha256Hex(data);
    if (actual !== hash) throw new BundleError('hash-mismatch', `${path} has SHA-256 ${actual.slice(0, 12)}…, but manifest.json says ${hash.slice(0, 12)}…`, path);
  }
  // Optional files this reader has no schema for are still parsed, so a JSON file that is not JSON is refused by name.
  for (const path of optional) if (path.endsWith('.json') && files.has(path)) json(path, bytes(path));

  const configJson = json('config.json', bytes('config.json'));
  const config = validate(ConfigSchema, 'config.json', configJson);
  const metricsJson = json('metrics.json', bytes('metrics.json'));
  const multiclassMetrics = (metricsJson as { task?: unknown } | null)?.task === 'multiclass' ? validate(MulticlassMetricsSchema, 'metrics.json', metricsJson) : null;
  const metrics = multiclassMetrics ? oneVsRest(multiclassMetrics, manifest.positive_class) : validate(MetricsSchema, 'metrics.json', metricsJson);
  const contract = validate(ContractFileSchema, 'contract.json', json('contract.json', bytes('contract.json')));
  const preprocessing = validate(PreprocessingSchema, 'preprocessing.json', json('preprocessing.json', bytes('preprocessing.json')));
  const compact = validate(CompactFileSchema, 'compact.json', json('compact.json', bytes('compact.json')));
  const model = validate(ModelJsonSchema, 'model/model.json', json('model/model.json', bytes('model/model.json')));
  const compactMarkdown = text('compact.md', bytes('compact.md'));
  const reportHtml = files.has('report.html') ? text('report.html', bytes('report.html')) : null;
  const modelCard = files.has('model-card.md') ? text('model-card.md', bytes('model-card.md')) : null;
  const environment = files.has('environment.json') ? validate(EnvironmentSchema, 'environment.json', json('environment.json', bytes('environment.json'))) : null;
  const parity = files.has('parity.json') ? validate(ParitySchema, 'parity.json', json('parity.json', bytes('parity.json'))) : null;

  const inconsistent = (message: string, path: string) => new BundleError('inconsistent', message, path);
  // The ID is derived from content; recomputing it catches a manifest and config that were edited together.
  const configHash = await sha256Hex(new TextEncoder().encode(canonicalJson(configJson)));
  const id = `${config.model}-${manifest.snapshot.sha256.slice(0, 12)}-${configHash.slice(0, 12)}`;
  if (id !== manifest.bundle_id) throw inconsistent(`manifest.json's bundle_id ${manifest.bundle_id} does not match the content (${id})`, 'manifest.json');
  if (compact.bundle_id !== manifest.bundle_id) throw inconsistent(`compact.json names bundle ${compact.bundle_id}, not ${manifest.bundle_id}`, 'compact.json');
  for (const key of ['label', 'positive_class', 'seed', 'threshold', 'task'] as const) {
    if (config[key] !== manifest[key]) throw inconsistent(`config.json's ${key} (${String(config[key])}) differs from manifest.json's (${String(manifest[key])})`, 'config.json');
  }
  if (metrics.threshold !== manifest.threshold) throw inconsistent(`metrics.json's threshold ${metrics.threshold} differs from manifest.json's ${manifest.threshold}`, 'metrics.json');
  const weightBytes = model.weightsManifest[0].weights.reduce((sum, w) => sum + w.shape.reduce((p, d) => p * d, 1) * DTYPE_BYTES[w.dtype], 0);
  if (weightBytes !== bytes('model/weights.bin').length) {
    throw inconsistent(`model/model.json describes ${weightBytes} bytes of weights, but model/weights.bin holds ${bytes('model/weights.bin').length}`, 'model/weights.bin');
  }
  if (environment && environment.backend.used !== manifest.backend) {
    throw inconsistent(`environment.json's backend ${environment.backend.used} differs from manifest.json's ${manifest.backend}`, 'environment.json');
  }
  if (parity) {
    const absent = parity.features.find((f) => !config.features.includes(f));
    if (absent !== undefined) throw inconsistent(`parity.json names feature "${absent}", which config.json does not`, 'parity.json');
  }
  return { format, id, manifest, config, metrics, multiclassMetrics, contract, preprocessing, compact, compactMarkdown, model, reportHtml, modelCard, environment, parity, files };
}
