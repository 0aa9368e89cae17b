import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { binaryReport, bundleRun, chooseThreshold, createContract, createRunConfig, loadCsv, sha256Hex, thresholdSweep, zipBundle, type Bundle, type Snapshot, type TrainOutcome } from '../index.ts';
import { trainBaseline } from '../training.ts';
import { BundleError, type BundleRefusal } from './bundle-error.ts';
import { bundleSummary } from './bundle-summary.ts';
import { writeRawZip, type RawEntry } from './hostile-zip.ts';
import { FORMAT_1_FILES, FORMAT_2_FILES } from './bundle-files.ts';
import { readBundle } from './read-bundle.ts';

const CREATED_AT = '2026-11-30T12:00:00.000Z';
let bundle: Bundle;
let zip: Uint8Array;
let testAuc: number | null;
let snapshot: Snapshot;
let outcome: TrainOutcome;

beforeAll(async () => {
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/breast_cancer.csv', import.meta.url))), 'breast_cancer.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
  const features = snapshot.columns.map((c) => c.name).filter((n) => n !== 'target');
  outcome = await trainBaseline(snapshot, createContract('target', '1', features), createRunConfig({ seed: 42, backend: 'cpu' }));
  // The real export path, as the page and `train` use it.
  bundle = await bundleRun({ snapshot, outcome, threshold: 0.5, app: { version: '0.1.0', gitSha: 'test' }, createdAt: CREATED_AT });
  zip = zipBundle(bundle, CREATED_AT);
  testAuc = binaryReport(outcome.test.scores, outcome.test.labels, 0.5).roc_auc;
}, 60_000);

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** The bundle's files as raw entries, in the order the app writes them. */
function entries(): RawEntry[] {
  return Object.entries(bundle.files).map(([name, data]) => ({ name, data }));
}

/** The bundle with one file replaced and, unless told otherwise, the manifest's hash of it updated to match. */
async function replaced(path: string, bytes: Uint8Array, rehash = true): Promise<Uint8Array> {
  const files = { ...bundle.files, [path]: bytes };
  if (rehash && path !== 'manifest.json') {
    const manifest = JSON.parse(decode(files['manifest.json'] as Uint8Array)) as { files: Record<string, string> };
    manifest.files[path] = await sha256Hex(bytes);
    files['manifest.json'] = text(JSON.stringify(manifest, null, 2));
  }
  return zipSync(files);
}

/** The bundle with one JSON file edited, its hash in the manifest updated. */
function edited(path: string, edit: (json: Record<string, unknown>) => void): Promise<Uint8Array> {
  const json = JSON.parse(decode(bundle.files[path] as Uint8Array)) as Record<string, unknown>;
  edit(json);
  return replaced(path, text(JSON.stringify(json, null, 2)));
}

async function refusal(bytes: Uint8Array, limits = {}): Promise<BundleError> {
  try {
    await readBundle(bytes, limits);
  } catch (e) {
    if (e instanceof BundleError) return e;
    throw e;
  }
  throw new Error('the bundle was accepted');
}

async function expectRefused(bytes: Uint8Array, kind: BundleRefusal, message: RegExp, limits = {}): Promise<void> {
  const e = await refusal(bytes, limits);
  expect({ kind: e.kind, message: e.message }).toEqual({ kind, message: expect.stringMatching(message) });
}

describe('readBundle: a bundle made by the real export path', () => {
  test('opens as format 2 with every file verified, its ID recomputed from content, and the test metrics intact', async () => {
    const before = zip.slice();
    const opened = await readBundle(zip);
    expect(opened.format).toBe(2);
    expect(opened.id).toBe(bundle.id);
    expect(opened.id).toMatch(/^logistic-[0-9a-f]{12}-[0-9a-f]{12}$/);
    // The required files, then the optional ones every export writes (inference contract, reference profile, scorer).
    expect([...opened.files.keys()]).toEqual([...FORMAT_2_FILES, 'inference-contract.json', 'reference-profile.json', 'score.py']);
    expect(opened.reportHtml?.startsWith('<!doctype html>')).toBe(true);
    expect(opened.environment?.backend.used).toBe('cpu');
    expect(opened.parity).toBeNull();
    expect(opened.manifest.snapshot.rows).toBe(569);
    expect(opened.manifest.created_at).toBe(CREATED_AT);
    expect(opened.metrics.n).toBe(115);
    expect(opened.metrics.roc_auc).toBe(testAuc);
    expect(opened.config.model).toBe('logistic');
    expect(opened.model.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(opened.compactMarkdown.startsWith(`# Iteration Compact: ${bundle.id}`)).toBe(true);
    // Read-only: the input bytes are untouched.
    expect(zip).toEqual(before);
  });

  test('the summary names the bundle, the run and its headline test metrics', async () => {
    const summary = bundleSummary(await readBundle(zip));
    expect(summary).toMatchObject({ valid: true, format: 2, bundle_id: bundle.id, model: 'logistic', task: 'binary', label: 'target', positive_class: '1', features: 30, model_inputs: 30, seed: 42, backend: 'cpu', threshold: 0.5 });
    expect(summary.test.n).toBe(115);
    expect(summary.test.roc_auc).toBe(testAuc);
    expect(summary.compact).toEqual({ written: 0, prefilled: 5, fields: 19 });
    expect(summary.files).toHaveLength(15);
  });

  test('a bundle exported as the page does, with a strategy-chosen threshold and written compact fields, keeps both', async () => {
    const choice = chooseThreshold(thresholdSweep(outcome.validation.scores, outcome.validation.labels), { kind: 'min-cost', costFp: 1, costFn: 5 }, 'validation');
    const exported = await bundleRun({
      snapshot, outcome, threshold: choice.threshold, thresholdChoice: choice, compactEdits: { goal: 'Flag benign tumours for a second read.' },
      app: { version: '0.1.0', gitSha: 'test' }, createdAt: CREATED_AT,
    });
    const opened = await readBundle(zipBundle(exported, CREATED_AT));
    expect(opened.id).toBe(exported.id);
    expect(opened.id).not.toBe(bundle.id);
    expect(opened.config.threshold_choice).toEqual(choice);
    expect(opened.metrics.threshold).toBe(choice.threshold);
    expect(bundleSummary(opened).compact).toEqual({ written: 1, prefilled: 5, fields: 19 });
  });

  test('zipped with a host deflate (the CLI passes Node\'s zlib): opens and verifies with every file the same bytes', async () => {
    const { crc32, deflateRawSync } = await import('node:zlib');
    let calls = 0;
    const host = { deflateRaw: (b: Uint8Array) => (calls++, deflateRawSync(b, { level: 6 })), crc32: (b: Uint8Array) => crc32(b) };
    const viaHost = zipBundle(bundle, CREATED_AT, host);
    expect(calls).toBe(Object.keys(bundle.files).length);
    const opened = await readBundle(viaHost);
    expect(opened.id).toBe(bundle.id);
    expect(opened.manifest.created_at).toBe(CREATED_AT);
    expect([...opened.files.keys()].sort()).toEqual(Object.keys(bundle.files).sort());
    for (const [path, bytes] of Object.entries(bundle.files)) expect(opened.files.get(path)).toEqual(bytes);
    // Equal bundles give equal bytes through the same deflate.
    expect(zipBundle(bundle, CREATED_AT, host)).toEqual(viaHost);
  });

  test('a copy re-zipped by `zip -r` (a model/ folder entry, Unix regular-file modes) still opens', async () => {
    const rezipped = writeRawZip([
      { name: 'model/', data: new Uint8Array(0), method: 0, hostSystem: 3, mode: 0o040755 },
      ...entries().map((e) => ({ ...e, hostSystem: 3, mode: 0o100644 })),
    ]);
    expect((await readBundle(rezipped)).id).toBe(bundle.id);
  });
});

describe('readBundle refuses each class of hostile or broken zip, naming it', () => {
  test('not a zip at all', async () => {
    await expectRefused(text('label,score\n1,0.5\n'), 'not-a-zip', /not a zip file/);
  });

  test('an entry that climbs out with ".."', async () => {
    await expectRefused(writeRawZip([...entries(), { name: 'model/../../evil.sh', data: text('rm -rf ~') }]), 'unsafe-path', /"model\/\.\.\/\.\.\/evil\.sh" climbs out of the bundle/);
  });

  test('an absolute path', async () => {
    await expectRefused(writeRawZip([{ name: '/etc/cron.d/evil', data: text('x') }, ...entries()]), 'unsafe-path', /"\/etc\/cron\.d\/evil" is an absolute path/);
  });

  test('a drive letter, and a backslash path', async () => {
    await expectRefused(writeRawZip([{ name: 'C:/Windows/evil.dll', data: text('x') }, ...entries()]), 'unsafe-path', /starts with a drive letter/);
    await expectRefused(writeRawZip([{ name: 'model\\..\\..\\evil.dll', data: text('x') }, ...entries()]), 'unsafe-path', /uses a backslash/);
  });

  test('a symbolic link (Unix mode in the external attributes), even under an expected name', async () => {
    const linked = entries().map((e) => (e.name === 'model/weights.bin' ? { ...e, data: text('/etc/passwd'), hostSystem: 3, mode: 0o120777 } : e));
    await expectRefused(writeRawZip(linked), 'symlink', /"model\/weights\.bin" is a symbolic link/);
  });

  test('a duplicate name, and two names that differ only in case', async () => {
    const config = entries().find((e) => e.name === 'config.json') as RawEntry;
    await expectRefused(writeRawZip([...entries(), config]), 'duplicate-name', /"config\.json" appears twice/);
    await expectRefused(writeRawZip([...entries(), { ...config, name: 'Config.json' }]), 'duplicate-name', /"config\.json" and "Config\.json" differ only in case/);
  });

  test('a name like __proto__, and a __proto__ key inside a JSON file', async () => {
    await expectRefused(writeRawZip([...entries(), { name: '__proto__', data: text('{}') }]), 'reserved-name', /reserved name "__proto__"/);
    await expectRefused(await replaced('metrics.json', text('{"__proto__": {"polluted": true}}')), 'reserved-name', /metrics\.json uses the reserved key "__proto__"/);
  });

  test('a declared size smaller or larger than the data', async () => {
    const lie = (delta: number) => writeRawZip(entries().map((e) => (e.name === 'preprocessing.json' ? { ...e, declaredSize: e.data.length + delta } : e)));
    await expectRefused(lie(-100), 'size-mismatch', /"preprocessing\.json" declares \d+ bytes but its data inflates to more/);
    await expectRefused(lie(100), 'size-mismatch', /"preprocessing\.json" declares \d+ bytes but its data inflates to \d+/);
  });

  test('an entry over the size cap, refused from its declared size before anything is inflated', async () => {
    const huge = writeRawZip(entries().map((e) => (e.name === 'model/weights.bin' ? { ...e, declaredSize: 3_000_000_000 } : e)));
    await expectRefused(huge, 'too-large', /"model\/weights\.bin" declares 3000000000 bytes, over the cap of 268435456/);
    await expectRefused(zip, 'too-large', /entry "[^"]+" declares \d+ bytes, over the cap of 1000/, { maxEntryBytes: 1000 });
    await expectRefused(zip, 'too-large', /the zip has 15 entries; a bundle has at most 8/, { maxEntries: 8 });
  });

  test('a zip bomb: 8 MB of zeros in a few kB of zip', async () => {
    const bomb = writeRawZip(entries().map((e) => (e.name === 'model/weights.bin' ? { ...e, data: new Uint8Array(8 * 1024 * 1024) } : e)));
    expect(bomb.length).toBeLessThan(80_000);
    await expectRefused(bomb, 'zip-bomb', /would expand \d+ bytes of zip to \d+ bytes \(\d+×, over the cap of 100×\)/);
  });

  test('entries whose bytes overlap (one compressed stream read as many files)', async () => {
    const list = entries();
    const overlapping = writeRawZip([...list, { ...(list[1] as RawEntry), sharesDataOf: 1 }]);
    await expectRefused(overlapping, 'damaged', /overlaps the bytes of "model\/model\.json"/);
  });

  test('an unknown file, and a missing one', async () => {
    await expectRefused(writeRawZip([...entries(), { name: 'model/loader.js', data: text('fetch("https://evil")') }]), 'unknown-file', /"model\/loader\.js" is not part of a format 2 bundle/);
    await expectRefused(writeRawZip(entries().filter((e) => e.name !== 'metrics.json')), 'missing-file', /the bundle has no metrics\.json/);
    await expectRefused(writeRawZip(entries().filter((e) => e.name !== 'manifest.json')), 'missing-file', /no manifest\.json/);
  });

  test('a tampered byte: the manifest hash no longer matches', async () => {
    const weights = (bundle.files['model/weights.bin'] as Uint8Array).slice();
    weights[10] ^= 0x01;
    await expectRefused(await replaced('model/weights.bin', weights, false), 'hash-mismatch', /model\/weights\.bin has SHA-256 [0-9a-f]{12}…, but manifest\.json says [0-9a-f]{12}…/);
  });

  test('a damaged CRC', async () => {
    await expectRefused(writeRawZip(entries().map((e) => (e.name === 'compact.md' ? { ...e, crc: 12345 } : e))), 'damaged', /"compact\.md" fails its CRC-32 check/);
  });

  test('an unknown format version, and none at all', async () => {
    await expectRefused(await edited('manifest.json', (m) => { m.format = 3; }), 'unknown-format', /manifest\.json has format 3; this app reads bundle formats 1 and 2/);
    await expectRefused(await edited('manifest.json', (m) => { delete m.format; }), 'unknown-format', /manifest\.json has no format version/);
  });

  test('a JSON field that fails its schema is named', async () => {
    await expectRefused(await edited('metrics.json', (m) => { m.roc_auc = 'excellent'; }), 'schema', /^metrics\.json: field roc_auc: /);
    await expectRefused(await edited('manifest.json', (m) => { (m.snapshot as Record<string, unknown>).sha256 = 'abc'; }), 'schema', /^manifest\.json: field snapshot\.sha256: must be a lower-case SHA-256 hex digest/);
    await expectRefused(await edited('config.json', (c) => { c.class_weight = 'heavy'; }), 'schema', /^config\.json: field class_weight: /);
  });

  test('a model that points its weights outside the bundle, or asks for a layer class the app never writes', async () => {
    await expectRefused(await edited('model/model.json', (m) => { (m.weightsManifest as { paths: string[] }[])[0].paths = ['../../secrets.bin']; }), 'schema', /^model\/model\.json: field weightsManifest\.0\.paths\.0: /);
    await expectRefused(await edited('model/model.json', (m) => {
      ((m.modelTopology as { config: { layers: { class_name: string }[] } }).config.layers[0] as { class_name: string }).class_name = 'Lambda';
    }), 'schema', /^model\/model\.json: field modelTopology\.config\.layers\.0\.class_name: /);
  });

  test('files that disagree: a compact for another bundle, a threshold edited in config.json and its hash', async () => {
    await expectRefused(await edited('compact.json', (c) => { c.bundle_id = 'mlp-000000000000-000000000000'; }), 'inconsistent', /compact\.json names bundle mlp-000000000000-000000000000/);
    await expectRefused(await edited('config.json', (c) => { c.threshold = 0.1; }), 'inconsistent', /bundle_id logistic-[0-9a-f]{12}-[0-9a-f]{12} does not match the content/);
  });
});
