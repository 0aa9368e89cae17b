import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { bundleRun, createContract, createRunConfig, loadCsv, sha256Hex, type Bundle } from '../index.ts';
import { loadModelFiles, predictScores, trainBaseline } from '../training.ts';
import { BundleError, type BundleRefusal } from './bundle-error.ts';
import { FORMAT_1_FILES, FORMAT_2_FILES } from './bundle-files.ts';
import type { ParityFileJson } from './bundle-schemas.ts';
import { compareParity, parityMatrix } from './parity-check.ts';
import { readBundle, type OpenedBundle } from './read-bundle.ts';

const CREATED_AT = '2026-11-30T12:00:00.000Z';
const FEATURES = ['pclass', 'sex', 'age', 'fare', 'embarked'];
let bundle: Bundle;
let multiclass: Bundle;

beforeAll(async () => {
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url))), 'titanic.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const outcome = await trainBaseline(parsed.snapshot, createContract('survived', '1', FEATURES), createRunConfig({ seed: 5, backend: 'cpu' }));
  bundle = await bundleRun({ snapshot: parsed.snapshot, outcome, threshold: 0.5, app: { version: '0.1.0', gitSha: 'test' }, createdAt: CREATED_AT, parityRows: 7 });
  const multi = await trainBaseline(parsed.snapshot, createContract('pclass', '1', ['sex', 'age', 'fare', 'embarked']), createRunConfig({ seed: 5, backend: 'cpu', task: 'multiclass' }));
  multiclass = await bundleRun({ snapshot: parsed.snapshot, outcome: multi, threshold: 0.5, app: { version: '0.1.0', gitSha: 'test' }, createdAt: CREATED_AT, parityRows: 4 });
}, 60_000);

/** The bundle's files changed by `edit`, with the manifest's format and file hashes rewritten to match (unless `rehash` is false). */
async function variant(edit: (files: Record<string, Uint8Array>, manifest: Record<string, unknown>) => void, rehash = true): Promise<Uint8Array> {
  const files = { ...bundle.files };
  const manifest = JSON.parse(strFromU8(files['manifest.json'])) as Record<string, unknown>;
  edit(files, manifest);
  if (rehash) {
    const hashes: Record<string, string> = {};
    for (const path of Object.keys(files).filter((p) => p !== 'manifest.json').sort()) hashes[path] = await sha256Hex(files[path]);
    manifest.files = hashes;
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files);
}

const editJson = (files: Record<string, Uint8Array>, path: string, edit: (json: Record<string, unknown>) => void) => {
  const json = JSON.parse(strFromU8(files[path])) as Record<string, unknown>;
  edit(json);
  files[path] = strToU8(JSON.stringify(json, null, 2));
};

async function refused(zip: Uint8Array): Promise<{ kind: BundleRefusal; message: string }> {
  try {
    await readBundle(zip);
  } catch (e) {
    if (e instanceof BundleError) return { kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error('the bundle was accepted');
}

/** Model outputs for parity.json's rows, computed as `verify` does. */
async function rescore(opened: OpenedBundle, parity: ParityFileJson): Promise<Float64Array> {
  const x = await parityMatrix(parity, opened.preprocessing);
  const model = await loadModelFiles({ 'model.json': opened.files.get('model/model.json')!, 'weights.bin': opened.files.get('model/weights.bin')! });
  const scores = await predictScores(model, x, parity.rows.length, opened.preprocessing.outputNames.length);
  model.dispose();
  return scores;
}

describe('readBundle: format 2', () => {
  test('opens with its report, model card, environment and parity rows, every file verified', async () => {
    const opened = await readBundle(zipSync(bundle.files));
    expect(opened.format).toBe(2);
    expect(opened.id).toBe(bundle.id);
    expect([...opened.files.keys()]).toEqual([...FORMAT_2_FILES, 'parity.json', 'inference-contract.json', 'reference-profile.json', 'score.py']);
    expect(opened.reportHtml).toBe(strFromU8(bundle.files['report.html']));
    expect(opened.modelCard?.startsWith('# Model card')).toBe(true);
    expect(opened.environment).toMatchObject({ format: 2, model_format: 'tfjs-layers-model', backend: { used: 'cpu' }, task: 'binary' });
    expect(opened.parity?.rows).toHaveLength(7);
    expect(opened.parity?.tolerance).toBe(1e-6);
  });

  test('parity rows re-scored through preprocessing.json and the loaded model agree within 1e-6; a moved expectation is caught', async () => {
    const opened = await readBundle(zipSync(bundle.files));
    const parity = opened.parity!;
    const scores = await rescore(opened, parity);
    const verdict = compareParity(parity, scores);
    expect(verdict).toMatchObject({ rows: 7, values: 7, tolerance: 1e-6, ok: true });
    expect(verdict.maxGap).toBeLessThanOrEqual(1e-6);
    const moved = { ...parity, rows: parity.rows.map((r, i) => (i === 4 ? { ...r, expected_score: r.expected_score + 2e-6 } : r)) };
    const off = compareParity(moved, scores);
    expect(off).toMatchObject({ ok: false, worstRow: 4 });
    expect(off.maxGap).toBeGreaterThan(1e-6);
    expect(compareParity(parity, scores.subarray(0, 6))).toMatchObject({ ok: false, worstRow: 6, maxGap: Infinity });
  });

  test('without parity.json (the default) it opens with parity null', async () => {
    const opened = await readBundle(await variant((files) => { delete files['parity.json']; }));
    expect(opened.parity).toBeNull();
    expect(opened.files.has('parity.json')).toBe(false);
  });

  test('a known optional file listed in the manifest opens; unlisted, or not JSON, it is refused by name', async () => {
    const withFindings = await variant((files) => { files['findings.json'] = strToU8('{"format": 1, "findings": []}'); });
    expect((await readBundle(withFindings)).files.has('findings.json')).toBe(true);
    expect(await refused(await variant((files) => { files['gates.json'] = strToU8('{}'); }, false))).toEqual({ kind: 'unknown-file', message: 'gates.json is not listed in manifest.json' });
    expect(await refused(await variant((files) => { files['gates.json'] = strToU8('{gates'); }))).toMatchObject({ kind: 'schema', message: expect.stringMatching(/^gates\.json is not valid JSON/) });
  });

  test('a format 2 bundle without report.html, and an unknown file in it, are refused', async () => {
    expect(await refused(await variant((files) => { delete files['report.html']; }))).toEqual({ kind: 'missing-file', message: 'the bundle has no report.html' });
    expect(await refused(await variant((files) => { files['model/custom_layer.js'] = strToU8('x'); }))).toEqual({ kind: 'unknown-file', message: 'entry "model/custom_layer.js" is not part of a format 2 bundle' });
  });

  test('environment.json and parity.json are schema-checked and must agree with the manifest and config', async () => {
    expect(await refused(await variant((files) => editJson(files, 'environment.json', (e) => { (e.backend as { used: string }).used = 'webgl'; }))))
      .toEqual({ kind: 'inconsistent', message: "environment.json's backend webgl differs from manifest.json's cpu" });
    expect(await refused(await variant((files) => editJson(files, 'parity.json', (p) => { (p.rows as { expected_score: number }[])[2].expected_score = 1.5; }))))
      .toMatchObject({ kind: 'schema', message: expect.stringMatching(/^parity\.json: field rows\.2\.expected_score: /) });
    expect(await refused(await variant((files) => editJson(files, 'parity.json', (p) => { (p.features as string[]).push('name'); }))))
      .toEqual({ kind: 'inconsistent', message: 'parity.json names feature "name", which config.json does not' });
  });
});

describe('readBundle: a multiclass bundle', () => {
  test('opens with its multiclass metrics, the positive class one-vs-rest as the binary view, and 3 probabilities per parity row', async () => {
    const opened = await readBundle(zipSync(multiclass.files));
    const written = JSON.parse(strFromU8(multiclass.files['metrics.json'])) as { accuracy: number; one_vs_rest: Record<string, { roc_auc: number; n: number }> };
    expect(opened.multiclassMetrics?.classes).toEqual(['1', '2', '3']);
    expect(opened.multiclassMetrics?.accuracy).toBe(written.accuracy);
    expect(opened.metrics.roc_auc).toBe(written.one_vs_rest['1'].roc_auc);
    expect(opened.metrics.n).toBe(262);
    const parity = opened.parity!;
    expect(parity.rows.every((r) => r.expected_probabilities?.length === 3)).toBe(true);
    const verdict = compareParity(parity, await rescore(opened, parity), 3);
    expect(verdict).toMatchObject({ rows: 4, values: 12, ok: true });
  });

  test('a multiclass metrics.json without the positive class\'s one-vs-rest report is refused', async () => {
    const files = { ...multiclass.files };
    const metrics = JSON.parse(strFromU8(files['metrics.json'])) as { one_vs_rest: Record<string, unknown> };
    metrics.one_vs_rest = {};
    files['metrics.json'] = strToU8(JSON.stringify(metrics));
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: Record<string, string> };
    manifest.files['metrics.json'] = await sha256Hex(files['metrics.json']);
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    expect(await refused(zipSync(files))).toEqual({ kind: 'inconsistent', message: 'metrics.json\'s test report has no one-vs-rest report for the positive class "1"' });
  });
});

describe('readBundle: format 1 still opens, read as format 1', () => {
  const asFormat1 = (files: Record<string, Uint8Array>, manifest: Record<string, unknown>) => {
    for (const path of ['report.html', 'model-card.md', 'environment.json', 'parity.json', 'inference-contract.json', 'reference-profile.json', 'score.py']) delete files[path];
    manifest.format = 1;
  };

  test('the nine format 1 files open, with no report, model card, environment or parity', async () => {
    const opened = await readBundle(await variant(asFormat1));
    expect(opened.format).toBe(1);
    expect(opened.id).toBe(bundle.id);
    expect([...opened.files.keys()]).toEqual([...FORMAT_1_FILES]);
    expect({ report: opened.reportHtml, card: opened.modelCard, environment: opened.environment, parity: opened.parity }).toEqual({ report: null, card: null, environment: null, parity: null });
  });

  test('a format 1 bundle may not carry format 2 files', async () => {
    const zip = await variant((files, manifest) => {
      asFormat1(files, manifest);
      files['parity.json'] = bundle.files['parity.json'];
    });
    expect(await refused(zip)).toEqual({ kind: 'unknown-file', message: 'entry "parity.json" is not part of a format 1 bundle' });
  });
});
