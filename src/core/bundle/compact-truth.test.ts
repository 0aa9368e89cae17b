import { readFileSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { binaryReport, bundleRun, compactPrefill, createContract, createRunConfig, evalSlices, featureCoefficients, loadCsv, type Snapshot, type SliceTable, type TrainOutcome } from '../index.ts';
import { trainBaseline } from '../train/train-baseline.ts';

const FEATURES = ['pclass', 'sex', 'age', 'fare'];
let snapshot: Snapshot;
let lr: TrainOutcome;
let mlp: TrainOutcome;

beforeAll(async () => {
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url))), 'titanic.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
  const contract = createContract('survived', '1', FEATURES);
  lr = await trainBaseline(snapshot, contract, createRunConfig({ seed: 3, backend: 'cpu', model: 'logistic' }));
  mlp = await trainBaseline(snapshot, contract, createRunConfig({ seed: 3, backend: 'cpu', model: 'mlp', hyperparameters: { hidden: [8], epochs: 3 } }));
}, 120_000);

const report = (o: TrainOutcome) => binaryReport(o.test.scores, o.test.labels, 0.5);
const auc = (o: TrainOutcome) => (report(o).roc_auc as number).toFixed(3);

describe('compact "Baseline" describes the baseline run', () => {
  test('exporting the MLP candidate: the field describes the logistic baseline and names the exported run as the candidate', () => {
    const text = compactPrefill(snapshot, mlp, report(mlp), null, { runId: 'mlp-1', baseline: { id: 'logistic-1', outcome: lr } }).baseline ?? '';
    expect(text).toMatch(/^Baseline run logistic-1: Logistic regression \(L2, C=1/);
    expect(text).toContain(`Test ROC AUC ${auc(lr)}`);
    expect(text).toContain(`This bundle exports the candidate (run mlp-1), MLP 8 relu`);
    expect(text.indexOf('MLP')).toBeGreaterThan(text.indexOf('Logistic regression'));
  });

  test('exporting the baseline itself names it as the baseline', () => {
    const text = compactPrefill(snapshot, lr, report(lr), null, { runId: 'logistic-1', baseline: { id: 'logistic-1', outcome: lr } }).baseline ?? '';
    expect(text).toMatch(/^This bundle exports the baseline \(run logistic-1\): Logistic regression/);
    expect(text).not.toContain('MLP');
  });

  test('a candidate with no baseline run says so instead of posing as one', () => {
    const text = compactPrefill(snapshot, mlp, report(mlp), null, { runId: 'mlp-1', baseline: null }).baseline ?? '';
    expect(text).toMatch(/^This bundle exports a candidate \(run mlp-1\); no baseline run \(logistic regression or prior\) was trained on this snapshot/);
  });
});

describe('compact "Candidate signals"', () => {
  test('lists the features, then the largest coefficients of the baseline when the candidate has neither coefficients nor importance', () => {
    const bare: TrainOutcome = { ...mlp, reliance: undefined };
    const text = compactPrefill(snapshot, bare, report(bare), null, { baseline: { id: 'logistic-1', outcome: lr } }).candidate_signals ?? '';
    expect(text).toMatch(/^4 features: pclass \(numeric\), sex \(categorical, 2 levels\), age \(numeric\), fare \(numeric\)\./);
    const coefs = featureCoefficients(lr);
    expect(coefs.map((c) => c.feature).sort()).toEqual([...FEATURES].sort());
    const top = coefs[0];
    // sex is one categorical feature with two one-hot inputs; its strongest level leads, named by the feature alone.
    expect([top?.feature, top?.levels]).toEqual(['sex', 3]);
    const sexInputs = lr.preprocessing.outputNames.flatMap((n, i) => (n.startsWith('sex=') ? [lr.coef?.[i] as number] : []));
    expect(Math.abs(top?.coef as number)).toBe(Math.max(...sexInputs.map(Math.abs)));
    expect(text).toContain('Logistic-regression coefficients of the baseline run logistic-1, largest magnitude first');
    expect(text).toContain(`sex ${(top?.coef as number) >= 0 ? '+' : ''}${top?.coef.toFixed(3)} (of 3 level inputs)`);
    expect(text).not.toMatch(/sex=|female/);
  });

  test("uses the run's own permutation importance when it was measured after training", () => {
    const own = mlp.reliance?.importance?.columns.filter((c) => c.mean !== null) ?? [];
    expect(own.length).toBeGreaterThan(0);
    const text = compactPrefill(snapshot, mlp, report(mlp), null, { baseline: { id: 'logistic-1', outcome: lr } }).candidate_signals ?? '';
    expect(text).toContain('Permutation importance on the validation split, largest first:');
    const top = [...own].sort((a, b) => (b.mean as number) - (a.mean as number))[0];
    expect(text).toContain(`${top.column} ${(top.mean as number) >= 0 ? '+' : ''}${(top.mean as number).toFixed(3)}`);
  });

  test('uses permutation importance when given, largest first, with its interval', () => {
    const text = compactPrefill(snapshot, mlp, report(mlp), null, { importance: [{ feature: 'age', importance: 0.01, lo: -0.005, hi: 0.02 }, { feature: 'sex', importance: 0.2, lo: 0.15, hi: 0.25 }] }).candidate_signals ?? '';
    expect(text).toContain('Permutation importance on the validation split, largest first: sex +0.200 [+0.150, +0.250], age +0.010 [-0.005, +0.020].');
  });
});

describe('compact "Eval slices"', () => {
  test('names each slice table, its weak and too-small slices', () => {
    const row = (key: string, n: number, weak: string[], tooSmall: boolean) => ({ key, values: [key], n, n_pos: 1, positive_rate: null, roc_auc: null, precision: null, recall: null, fpr: null, fnr: null, ci: null, too_small: tooSmall, weak });
    const table: SliceTable = { spec: { columns: ['embarked'] }, min_rows: 30, rows: [row('embarked=S', 180, ['recall'], false), row('embarked=C', 60, [], false), row('embarked=Q', 12, [], true)] };
    expect(evalSlices([table])).toBe('embarked: 3 slices on the test split, at least 30 rows to judge. Weak (interval wholly below overall): embarked=S (n=180; recall). Too small to judge: embarked=Q (n=12).');
    expect(evalSlices([])).toBe('No slices examined yet (choose slice columns in the Evaluate step).');
  });

  test('a real bundle prefills the slices it evaluated', async () => {
    const bundle = await bundleRun({ snapshot, outcome: lr, threshold: 0.5, app: { version: '1', gitSha: 'x' }, createdAt: '2026-01-01T00:00:00.000Z', evaluation: { slices: [{ columns: ['sex'] }], resamples: 100 } });
    const compact = JSON.parse(strFromU8(bundle.files['compact.json'] as Uint8Array)) as { fields: { key: string; value: string; prefilled: boolean }[] };
    const field = compact.fields.find((f) => f.key === 'eval_slices');
    expect(field?.prefilled).toBe(true);
    expect(field?.value).toMatch(/^sex: 2 slices on the test split, at least \d+ rows to judge\./);
    expect(compact.fields.find((f) => f.key === 'baseline')?.value).toMatch(/^This bundle exports the baseline \(the exported run\): Logistic regression/);
  });
});

describe('bundle export with slice settings left over from another file', () => {
  test('a slice naming a column this snapshot lacks is skipped, and the export succeeds', async () => {
    const bundle = await bundleRun({
      snapshot, outcome: lr, threshold: 0.5, app: { version: '0.0.0', gitSha: 'test' }, createdAt: '2026-01-01T00:00:00.000Z',
      evaluation: { slices: [{ columns: ['a'] }, { columns: ['sex'] }], resamples: 0 },
    });
    const report = strFromU8(bundle.files['report.html']);
    expect(report).toContain('sex');
    expect(report).not.toMatch(/Column "a"/);
  });
});
