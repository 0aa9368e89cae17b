import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { bundleRun, compareRuns, judgeRun, type LedgerEntry, type RecordedFinding, createContract, createRunConfig, csvCell, formatThreshold, loadCsv, transform, type Bundle, type DataContract, type ParityFile, type Snapshot, type TrainOutcome } from '../index.ts';
import { trainBaseline } from '../train/train-baseline.ts';

// Titanic with the embarked header replaced by a script payload and one of its values by markup: both come from the
// user's file, so the report must print them as text.
const XSS_HEADER = '<script>alert("x")</script>';
const XSS_VALUE = '<img src=x onerror=alert(1)>';
const FEATURES = ['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', XSS_HEADER];
const APP = { version: '9.9.9', gitSha: 'abc123def456' };

function hostileTitanic(): Uint8Array {
  const text = readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url), 'utf8');
  const [header, ...rows] = text.split('\n');
  const swapped = rows.map((r) => r.replace(/,Q,/, `,"${XSS_VALUE}",`));
  return new TextEncoder().encode([header.replace('embarked', csvCell(XSS_HEADER)), ...swapped].join('\n'));
}

let snapshot: Snapshot;
let outcome: TrainOutcome;
let bundle: Bundle;
const text = (path: string) => strFromU8(bundle.files[path]);
const dataContract = (): DataContract => ({
  schema: 1, revision: 3, snapshotId: snapshot.id, label: 'survived', positiveClass: '1',
  roles: Object.fromEntries(snapshot.columns.map((c) => [c.name, c.name === 'survived' ? 'label' : c.name === 'name' ? 'pii' : FEATURES.includes(c.name) ? 'feature' : 'ignore'])),
  labelTiming: null, rules: {}, missingTokens: [], split: outcome.config.split,
  dismissed: [{ findingId: 'leak:single-feature:boat', reason: 'boat is ignored', at: '2026-01-01T00:00:00.000Z' }],
});

beforeAll(async () => {
  const parsed = await loadCsv(hostileTitanic(), 'titanic.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
  outcome = await trainBaseline(snapshot, createContract('survived', '1', FEATURES), createRunConfig({ seed: 7, backend: 'cpu' }));
  bundle = await bundleRun({ snapshot, outcome, threshold: 0.4, app: APP, createdAt: '2026-01-01T00:00:00.000Z', dataContract: dataContract(), parityRows: 8 });
}, 60_000);

describe('bundle format 2', () => {
  test('the manifest says format 2 and hashes every file, the new ones included', async () => {
    const manifest = JSON.parse(text('manifest.json')) as { format: number; files: Record<string, string> };
    expect(manifest.format).toBe(2);
    expect(Object.keys(manifest.files).sort()).toEqual(Object.keys(bundle.files).filter((p) => p !== 'manifest.json').sort());
    for (const path of ['report.html', 'model-card.md', 'environment.json', 'parity.json', 'metrics.json', 'model/weights.bin']) expect(manifest.files[path], path).toMatch(/^[0-9a-f]{64}$/);
  });

  test('every number report.html tags equals metrics.json; it prints the metrics to 4 places and the threshold exactly', () => {
    const metrics = JSON.parse(text('metrics.json')) as Record<string, number | null>;
    const tagged = [...text('report.html').matchAll(/data-metric="(\w+)" data-value="([^"]*)">([^<]*)</g)];
    const keys = new Set(tagged.map((m) => m[1]));
    for (const key of ['threshold', 'n', 'tp', 'fp', 'tn', 'fn', 'roc_auc', 'average_precision', 'precision', 'recall', 'f1', 'accuracy', 'brier', 'log_loss', 'ece', 'mcc']) expect(keys, key).toContain(key);
    for (const [, key, value, shown] of tagged) {
      const expected = metrics[key];
      expect(value === 'null' ? null : Number(value), key).toBe(expected);
      // The threshold prints with 4 significant digits (its exact value is data-value and the title); the metrics to 4 places.
      expect(shown, key).toBe(expected === null ? 'undefined' : key === 'threshold' ? formatThreshold(expected) : Number.isInteger(expected) ? String(expected) : expected.toFixed(4));
    }
    expect(metrics.threshold).toBe(0.4);
    expect(metrics.tp! + metrics.fn!).toBe(metrics.n_pos);
  });

  test('report.html escapes a script header and a markup value, and holds no script, URL, eval or external reference', () => {
    const html = text('report.html');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(XSS_HEADER);
    expect(html).not.toContain(XSS_VALUE);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\beval\b/);
    expect(html).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
    expect(html).not.toMatch(/<[^>]*\ssrc=/i);
    expect(html).toContain("default-src 'none'");
  });

  test('report.html has every section; those the app cannot fill yet say so plainly', () => {
    const html = text('report.html');
    for (const id of ['compact', 'data', 'findings', 'gates', 'threshold', 'sweep', 'curves', 'calibration', 'intervals', 'slices', 'clusters', 'importance', 'comparison', 'ledger']) {
      expect(html, id).toContain(`<section id="${id}">`);
    }
    const section = (id: string) => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));
    expect(section('gates')).toContain('Not available: no gates were declared');
    expect(section('ledger')).toContain('Not available: no ledger entries were exported');
    expect(section('importance')).toContain('sex = male');
    expect((section('importance').match(/<svg /g) ?? []).length).toBe(1);
    expect(section('findings')).toContain('leak:single-feature:boat');
    expect(section('intervals')).toContain('1000 seeded resamples');
    expect(section('slices')).toContain('sex=female');
    expect((section('curves').match(/<svg /g) ?? []).length).toBe(2);
    // The matrix and its reading name the outcomes, derived from the label (survived = 1).
    expect(section('threshold')).toMatch(/Of \d+ cases predicted “survived”, \d+ are false alarms \(actually “not survived”\); \d+ of \d+ cases actually “survived” are missed\./);
    expect(section('threshold')).toContain('<th scope="col">Predicted “not survived”</th>');
  });

  test('no value of the PII column (name) reaches the report, the model card or parity.json', () => {
    const name = snapshot.columns.find((c) => c.name === 'name');
    if (!name || name.type !== 'categorical') throw new Error('titanic name column');
    const html = text('report.html');
    const card = text('model-card.md');
    const parity = text('parity.json');
    for (const value of name.categories.slice(0, 200)) {
      for (const doc of [html, card, parity]) expect(doc.includes(value), value).toBe(false);
    }
    expect(html).toContain('PII: values withheld');
  });

  test('model-card.md has the model-card sections in order, filled or marked to be written', () => {
    const card = text('model-card.md');
    const headings = [...card.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Model details', 'Intended use', 'Out-of-scope uses', 'Factors', 'Metrics', 'Evaluation data', 'Training data', 'Ethical considerations', 'Caveats and recommendations']);
    const metrics = JSON.parse(text('metrics.json')) as Record<string, number>;
    expect(card).toContain(`ROC AUC ${metrics.roc_auc.toFixed(4)}`);
    expect(card).toContain(`TP ${metrics.tp}, FP ${metrics.fp}, TN ${metrics.tn}, FN ${metrics.fn}`);
    expect(card).toContain(`${outcome.split.test.length} test rows`);
    expect(card).toContain('`name`');
    expect(card.slice(card.indexOf('## Intended use'), card.indexOf('## Out-of-scope')).trim()).toBe('## Intended use\n\n_To be written._');
  });

  test('environment.json names the tfjs-layers version in model.json, the backend and the format', () => {
    const env = JSON.parse(text('environment.json')) as { format: number; app: { version: string; git_sha: string }; tfjs: { trained_with: string; loads_with: Record<string, string> }; backend: { used: string } };
    const layers = JSON.parse(readFileSync(new URL('../../../node_modules/@tensorflow/tfjs-layers/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(env.format).toBe(2);
    expect(env.app).toEqual({ name: 'mle-playground', version: '9.9.9', git_sha: 'abc123def456' });
    expect(env.tfjs.trained_with).toBe(layers.version);
    expect(env.tfjs.loads_with['@tensorflow/tfjs-layers']).toBe(`^${layers.version}`);
    expect(env.backend.used).toBe('cpu');
  });

  test('parity.json rows, rescored from their raw cells through preprocessing.json and the coefficients, give their expected scores', async () => {
    const parity = JSON.parse(text('parity.json')) as ParityFile;
    expect(parity.rows).toHaveLength(8);
    expect(parity.features).toEqual(FEATURES);
    expect(parity.rows.map((r) => r.expected_score)).toEqual(Array.from(outcome.test.scores.subarray(0, 8)));
    const csv = [FEATURES.map(csvCell).join(','), ...parity.rows.map((r) => FEATURES.map((f) => csvCell(r.inputs[f] ?? '')).join(','))].join('\n');
    const parsed = await loadCsv(new TextEncoder().encode(csv), 'parity.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const x = transform(outcome.preprocessing, parsed.snapshot, Int32Array.from(parity.rows.keys()));
    const coef = outcome.coef!;
    const width = coef.length;
    parity.rows.forEach((r, i) => {
      let z = outcome.intercept!;
      for (let j = 0; j < width; j++) z += x[i * width + j] * coef[j];
      expect(Math.abs(1 / (1 + Math.exp(-z)) - r.expected_score)).toBeLessThan(parity.tolerance);
    });
  });

  test('parity.json is opt-in: absent by default', async () => {
    const plain = await bundleRun({ snapshot, outcome, threshold: 0.4, app: APP, createdAt: '2026-01-01T00:00:00.000Z', dataContract: dataContract() });
    expect(Object.keys(plain.files)).not.toContain('parity.json');
    expect(plain.id).toBe(bundle.id);
  });

  test('the same run exported twice gives the same bytes apart from created_at', async () => {
    const again = (createdAt: string) => bundleRun({ snapshot, outcome, threshold: 0.4, app: APP, createdAt, dataContract: dataContract(), parityRows: 8 });
    const a = await again('2026-01-01T00:00:00.000Z');
    const b = await again('2026-06-30T12:34:56.000Z');
    expect(b.id).toBe(a.id);
    expect(Object.keys(b.files)).toEqual(Object.keys(a.files));
    for (const path of Object.keys(a.files)) if (path !== 'manifest.json') expect(Buffer.from(b.files[path]).equals(Buffer.from(a.files[path])), path).toBe(true);
    const strip = (bytes: Uint8Array) => strFromU8(bytes).replace(/"created_at": "[^"]*"/, '');
    expect(strip(b.files['manifest.json'])).toBe(strip(a.files['manifest.json']));
    expect(strFromU8(b.files['manifest.json'])).toContain('2026-06-30T12:34:56.000Z');
    // The very same export (same clock) is byte-identical down to the zip.
    const { zipBundle } = await import('../index.ts');
    const z1 = zipBundle(a, '2026-01-01T00:00:00.000Z');
    const z2 = zipBundle(await again('2026-01-01T00:00:00.000Z'), '2026-01-01T00:00:00.000Z');
    expect(Buffer.from(z1).equals(Buffer.from(z2))).toBe(true);
    expect(Object.keys(unzipSync(z1)).sort()).toEqual(Object.keys(a.files).sort());
  });

  test('the contract\'s words for the outcomes reach the matrix and reading; a long threshold prints 4 significant digits with the full value in its title', async () => {
    const threshold = 0.05618898198008537;
    const renamed = await bundleRun({ snapshot, outcome, threshold, app: APP, createdAt: '2026-01-01T00:00:00.000Z', dataContract: { ...dataContract(), outcomeNames: { positive: 'flagged for review', negative: 'not flagged' } }, parityRows: 8 });
    const html = strFromU8(renamed.files['report.html']);
    const section = html.slice(html.indexOf('<section id="threshold">'), html.indexOf('</section>', html.indexOf('<section id="threshold">')));
    expect(section).toContain('<th scope="col">Predicted “flagged for review”</th><th scope="col">Predicted “not flagged”</th>');
    expect(section).toContain('<th scope="row">Actually “not flagged”</th>');
    expect(section).toMatch(/cases predicted “flagged for review”, \d+ (is a false alarm|are false alarms) \(actually “not flagged”\)/);
    expect(section).toContain('Threshold <span class="threshold" title="0.05618898198008537">0.05619</span>, fixed.');
    expect(html).toContain('<span title="0.05618898198008537" data-metric="threshold" data-value="0.05618898198008537">0.05619</span>');
    expect(html).not.toMatch(/>0\.0561889819/);
    // Full precision stays in the JSON.
    expect((JSON.parse(strFromU8(renamed.files['metrics.json'])) as { threshold: number }).threshold).toBe(threshold);
  });

  test('runs compared on the page appear with their paired AUC delta; without a comparison the section says so', async () => {
    const prior = await trainBaseline(snapshot, createContract('survived', '1', FEATURES), createRunConfig({ seed: 7, backend: 'cpu', model: 'prior' }));
    const fixed = { kind: 'fixed', value: 0.4 } as const;
    const comparison = compareRuns([
      { id: 'lr', name: 'Logistic regression', test: outcome.test, validation: outcome.validation, strategy: fixed },
      { id: 'prior', name: 'Prior baseline', test: prior.test, validation: prior.validation, strategy: fixed },
    ], 'prior', { snapshot, bootstrap: { resamples: 200, seed: 1 }, slice: null });
    const compared = await bundleRun({ snapshot, outcome, threshold: 0.4, app: APP, createdAt: '2026-01-01T00:00:00.000Z', dataContract: dataContract(), comparison });
    const html = strFromU8(compared.files['report.html']);
    const section = html.slice(html.indexOf('<section id="comparison">'), html.indexOf('</section>', html.indexOf('<section id="comparison">')));
    const lr = comparison.runs.find((r) => r.id === 'lr')!;
    expect(section).toContain('Prior baseline (baseline)');
    expect(section).toContain(`<td>Logistic regression</td><td><span class="threshold" title="0.4">0.4</span></td><td>${lr.report.roc_auc!.toFixed(4)}</td>`);
    expect(section).toContain(`${lr.delta!.roc_auc.estimate!.toFixed(4)} [${lr.delta!.roc_auc.lo!.toFixed(4)}, ${lr.delta!.roc_auc.hi!.toFixed(4)}]`);
    expect(lr.delta!.roc_auc.estimate).toBeCloseTo(lr.report.roc_auc! - 0.5, 12);
    expect(text('report.html')).toContain('Not available: only this run was exported');
  });
});

// A run with a hashed feature, gates of which one fails, an open leakage finding and a ledger whose reason is markup.
describe('bundle format 2: gates, importance and ledger in the report', () => {
  const LEDGER_XSS = '<b onmouseover="alert(2)">keep</b> & ship';
  let rich: Bundle;
  let hashedValues: string[];
  const file = (path: string) => strFromU8(rich.files[path]);
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const sectionOf = (html: string, id: string) => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));

  beforeAll(async () => {
    const features = [...FEATURES, 'home.dest'];
    const run = await trainBaseline(snapshot, createContract('survived', '1', features, ['home.dest']), createRunConfig({ seed: 7, backend: 'cpu' }));
    const home = snapshot.columns.find((c) => c.name === 'home.dest');
    if (!home || home.type !== 'categorical') throw new Error('titanic home.dest column');
    hashedValues = home.categories.filter((v) => v.length >= 6);
    const contract: DataContract = { ...dataContract(), roles: { ...dataContract().roles, 'home.dest': 'feature' }, hashedColumns: ['home.dest'] };
    const gates = judgeRun(run, 0.4, 'Logistic regression', {
      spec: { version: 1, gates: [
        { id: 'auc-floor', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.6 },
        { id: 'recall-0.99', kind: 'metric', metric: 'recall', bound: 'min', value: 0.99 },
        { id: 'small-model', kind: 'size', maxBytes: 10_000_000 },
      ] },
      dataContract: contract, snapshot, findings: [], baseline: null, seed: 7,
    });
    const findings: RecordedFinding[] = [{ id: 'leak:single-feature:fare', check: 'single-feature', status: 'warn', column: 'fare', message: 'fare alone predicts the label', state: 'open' }];
    const ledger: LedgerEntry[] = [{
      format: 1, id: 'entry-1', seq: 1, committedAt: '2026-01-02T00:00:00.000Z', decision: 'keep-champion', reason: LEDGER_XSS,
      runs: [{ id: 'run-a', role: 'candidate', model: 'logistic', configHash: 'f'.repeat(64), seed: 7, snapshotId: snapshot.id, contractRevision: 3, config: run.config, label: 'survived', positiveClass: '1', features, threshold: 0.4 }],
      changes: ['added home.dest'], metrics: [{ metric: 'roc_auc', baseline: 0.5, candidate: 0.8125, delta: 0.3125, ci: { lo: 0.25, hi: 0.375 } }],
      slices: [], errors: [], gates: [{ gate: 'recall-0.99', passed: false }], lesson: '', nextExperiment: '', corrects: null, method: 'paired bootstrap',
    }];
    rich = await bundleRun({ snapshot, outcome: run, threshold: 0.4, app: APP, createdAt: '2026-01-01T00:00:00.000Z', dataContract: contract, gates, ledger, findings });
  }, 60_000);

  test('the gates section states promotable as manifest.json does, names the failed gate and gives one row per gate', () => {
    const manifest = JSON.parse(file('manifest.json')) as { promotable: boolean; failed_gates: string[] };
    expect(manifest.promotable).toBe(false);
    expect(manifest.failed_gates).toEqual(['recall-0.99']);
    const gates = sectionOf(file('report.html'), 'gates');
    expect(gates).toContain(`data-promotable="${manifest.promotable}"`);
    expect(gates).toContain('Promotable: no.</strong> 1 of 3 gates fail: <code>recall-0.99</code>');
    const verdicts = [...gates.matchAll(/data-gate="([^"]+)" data-pass="(true|false)"/g)].map((m) => [m[1], m[2]]);
    expect(verdicts).toEqual([['auc-floor', 'true'], ['recall-0.99', 'false'], ['small-model', 'true']]);
    const file2 = JSON.parse(file('gates.json')) as { verdicts: { id: string; required: string; observed: { value: number; lo: number; hi: number } }[] };
    const auc = file2.verdicts[0];
    expect(gates).toContain(escape(auc.required));
    // The observed AUC with its bootstrap interval, as gates.json records it.
    expect(gates).toContain(`${auc.observed.value.toFixed(4)} [${auc.observed.lo.toFixed(4)}, ${auc.observed.hi.toFixed(4)}]`);
    const card = file('model-card.md');
    expect(card).toContain('Promotion gates: **not promotable**; failed: `recall-0.99`.');
    expect(card).toContain('- FAIL `recall-0.99`: required recall ≥ 0.99;');
  });

  test('every importance number the report tags equals metrics.json importance, and fare carries its open leakage finding', () => {
    const metrics = JSON.parse(file('metrics.json')) as { importance: { permutation: { columns: { column: string; mean: number; lo: number; hi: number }[] }; coefficients: { name: string; standardised: number }[] } };
    const html = file('report.html');
    const tags = new Map([...html.matchAll(/data-metric="((?:importance|importance_lo|importance_hi|coefficient):[^"]*)" data-value="([^"]*)">([^<]*)</g)]
      .map((m) => [decodeURIComponent(unescape(m[1])), { value: Number(m[2]), shown: m[3] }]));
    const perm = metrics.importance.permutation.columns;
    expect(perm.map((c) => c.column).sort()).toEqual([...FEATURES, 'home.dest'].sort());
    for (const c of perm) {
      for (const [key, v] of [['importance', c.mean], ['importance_lo', c.lo], ['importance_hi', c.hi]] as const) {
        const tag = tags.get(`${key}:${c.column}`);
        expect(tag?.value, `${key}:${c.column}`).toBe(v);
        expect(tag?.shown).toBe(Number.isInteger(v) ? String(v) : v.toFixed(4));
      }
    }
    for (const c of metrics.importance.coefficients.slice(0, 20)) expect(tags.get(`coefficient:${c.name}`)?.value, c.name).toBe(c.standardised);
    const section = sectionOf(html, 'importance');
    // One whisker per column with an interval in the chart (top 20 at most).
    expect((section.match(/class="whisker"/g) ?? []).length).toBe(Math.min(20, perm.filter((c) => c.lo !== null).length));
    expect(section).toMatch(/<td>fare <span class="flag">open leakage finding<\/span><\/td>/);
    expect(section).not.toMatch(/<td>age <span class="flag">/);
    expect(file('model-card.md')).toContain(`Most relied-on columns (permutation importance on validation, ROC AUC drop when shuffled, 2.5–97.5% range): \`${perm[0].column}\``);
  });

  test('ledger entries appear with decision, reason (escaped), runs and metric movement', () => {
    const ledger = sectionOf(file('report.html'), 'ledger');
    expect(ledger).toContain('<strong>Keep champion</strong>');
    expect(ledger).toContain('&lt;b onmouseover=&quot;alert(2)&quot;&gt;keep&lt;/b&gt; &amp; ship');
    expect(ledger).not.toContain('<b onmouseover');
    expect(ledger).toContain('candidate <code>run-a</code> (logistic, seed 7, config ffffffffffff)');
    expect(ledger).toContain('roc_auc 0.5000 → 0.8125 (Δ +0.3125 [+0.2500, +0.3750])');
  });

  test('no value of the PII column or the hashed column reaches the report or the model card', () => {
    const name = snapshot.columns.find((c) => c.name === 'name');
    if (!name || name.type !== 'categorical') throw new Error('titanic name column');
    expect(hashedValues.length).toBeGreaterThan(50);
    const html = file('report.html');
    const card = file('model-card.md');
    for (const value of [...hashedValues, ...name.categories.slice(0, 200)]) {
      for (const doc of [html, card]) expect(doc.includes(value) || doc.includes(escape(value)), value).toBe(false);
    }
    // The hashed column's levels appear only as digests in the coefficient table.
    expect(sectionOf(html, 'importance')).toMatch(/home\.dest = #[0-9a-f]{8}/);
  });
});

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
