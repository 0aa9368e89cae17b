import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';

const oracle = JSON.parse(readFileSync(new URL('../fixtures/breast_cancer_oracle.json', import.meta.url), 'utf8')) as {
  test: { y_true: number[]; y_score: number[]; roc_auc: number; average_precision: number; brier: number; log_loss: number; ece_sklearn_bins: number; mce_sklearn_bins: number };
};

const threeClass = JSON.parse(readFileSync(new URL('../fixtures/sklearn/three-class-scores.json', import.meta.url), 'utf8')) as {
  sklearn_version: string; accuracy: number; log_loss: number; macro: { precision: number; f1: number }; weighted: { recall: number; f1: number };
};
interface Multi {
  task: string; classes: string[]; confusion: number[][]; accuracy: number; log_loss: number; macro_f1: number; weighted_f1: number;
  macro_precision: number; weighted_recall: number; positive_class: string; one_vs_rest: Record<string, { n: number; roc_auc: number | null }>;
}

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mle-eval-')), name);
  writeFileSync(path, text);
  return path;
}

// The oracle's test scores with a made-up group column, so slices have something to cut.
const scoresCsv = file('scores.csv', `label,score,group\n${oracle.test.y_true.map((y, i) => `${y},${oracle.test.y_score[i]},${i % 3 === 0 ? 'a' : 'b'}`).join('\n')}\n`);

interface Report {
  n: number; roc_auc: number | null; average_precision: number; brier: number; log_loss: number; ece: number; mce: number; threshold: number; tp: number; fp: number; tn: number; fn: number;
  threshold_choice: { strategy: { kind: string }; chosen_on: string }; ci: { roc_auc: { lo: number; hi: number } } | null; bootstrap: { resamples: number; seed: number } | null;
  slices: { spec: { columns: string[] }; rows: { key: string; n: number }[] }[]; messages: string[]; multiclass: { classes: string[]; confusion: number[][] } | null;
}

describe('mle-playground evaluate', () => {
  test('a scores CSV gives the oracle metrics to 1e-9, with seeded intervals and slices; JSON on stdout', async () => {
    const { code, stdout, stderr } = await cli(['evaluate', scoresCsv, '--label', 'label', '--score', 'score', '--slice', 'group', '--bootstrap', '300', '--seed', '7']);
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout) as Report;
    const t = oracle.test;
    for (const [key, want] of [['roc_auc', t.roc_auc], ['average_precision', t.average_precision], ['brier', t.brier], ['log_loss', t.log_loss], ['ece', t.ece_sklearn_bins], ['mce', t.mce_sklearn_bins]] as const) {
      expect(Math.abs((r[key] ?? NaN) - want), key).toBeLessThanOrEqual(1e-9);
    }
    expect([r.tp, r.fp, r.tn, r.fn]).toEqual([103, 3, 61, 4]);
    expect(r.bootstrap).toMatchObject({ resamples: 300, seed: 7 });
    expect(r.slices[0].rows.map((s) => s.key).sort()).toEqual(['group=a', 'group=b']);
    expect(r.slices[0].rows.reduce((n, s) => n + s.n, 0)).toBe(171);
    const again = JSON.parse((await cli(['evaluate', scoresCsv, '--label', 'label', '--score', 'score', '--bootstrap', '300', '--seed', '7'])).stdout) as Report;
    expect(again.ci).toEqual(r.ci);
  }, 60_000);

  test('--cost-fp/--cost-fn choose the threshold on these rows; dearer misses lower it', async () => {
    const cheapMiss = JSON.parse((await cli(['evaluate', scoresCsv, '--label', 'label', '--score', 'score', '--cost-fp', '10', '--cost-fn', '1', '--bootstrap', '0'])).stdout) as Report;
    const dearMiss = JSON.parse((await cli(['evaluate', scoresCsv, '--label', 'label', '--score', 'score', '--cost-fp', '1', '--cost-fn', '10', '--bootstrap', '0'])).stdout) as Report;
    expect(cheapMiss.threshold_choice).toMatchObject({ strategy: { kind: 'min-cost' }, chosen_on: 'input' });
    expect(dearMiss.threshold).toBeLessThan(cheapMiss.threshold);
    expect(dearMiss.ci).toBeNull();
  }, 60_000);

  test('multiclass: one --score per class column gives a K×K matrix at the top level; one-vs-rest sits under its class', async () => {
    const csv = file('multi.csv', 'y,p_a,p_b,p_c\na,0.7,0.2,0.1\nb,0.1,0.8,0.1\nc,0.2,0.2,0.6\na,0.3,0.6,0.1\nc,0.1,0.1,0.8\nb,0.3,0.4,0.3\n');
    const { code, stdout, stderr } = await cli(['evaluate', csv, '--label', 'y', '--score', 'p_a', '--score', 'p_b', '--score', 'p_c', '--bootstrap', '0']);
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout) as Multi;
    expect(r.task).toBe('multiclass');
    expect(r.classes).toEqual(['a', 'b', 'c']);
    expect(r.confusion).toEqual([[1, 1, 0], [0, 2, 0], [0, 0, 2]]);
    expect(r.accuracy).toBeCloseTo(5 / 6, 15);
    expect('multiclass' in r).toBe(false);
    expect(Object.keys(r.one_vs_rest)).toEqual([r.positive_class]);
    expect(r.one_vs_rest[r.positive_class].n).toBe(6);
  }, 60_000);

  test(`multiclass: top-level accuracy, log loss and macro/weighted F1 equal scikit-learn ${threeClass.sklearn_version} on a p_<class> file`, async () => {
    const path = new URL('../fixtures/sklearn/three-class-scores.csv', import.meta.url).pathname;
    const { code, stdout, stderr } = await cli(['evaluate', path, '--label', 'species', '--score', 'p_setosa', '--score', 'p_versicolor', '--score', 'p_virginica', '--bootstrap', '0']);
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout) as Multi;
    expect(r.accuracy).toBe(threeClass.accuracy);
    expect(r.log_loss).toBeCloseTo(threeClass.log_loss, 12);
    expect(r.macro_f1).toBeCloseTo(threeClass.macro.f1, 14);
    expect(r.weighted_f1).toBeCloseTo(threeClass.weighted.f1, 14);
    expect(r.macro_precision).toBeCloseTo(threeClass.macro.precision, 14);
    expect(r.weighted_recall).toBeCloseTo(threeClass.weighted.recall, 14);
  }, 60_000);

  test('multiclass: a positive class with no rows still gives a complete report and exit 0', async () => {
    const csv = file('nodrizzle.csv', 'w,p_sun,p_rain,p_drizzle\nsun,0.7,0.2,0.1\nrain,0.1,0.8,0.1\nsun,0.5,0.3,0.2\nrain,0.3,0.6,0.1\n');
    const { code, stdout, stderr } = await cli(['evaluate', csv, '--label', 'w', '--score', 'p_sun', '--score', 'p_rain', '--score', 'p_drizzle', '--positive', 'drizzle', '--bootstrap', '0']);
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout) as Multi;
    expect(r.accuracy).toBe(1);
    expect(r.one_vs_rest.drizzle.roc_auc).toBeNull();
  }, 60_000);

  test('exit codes: 1 when there is one class only (report still printed), 2 for a bad cell or bad arguments', async () => {
    const one = await cli(['evaluate', file('one.csv', 'label,score\n1,0.2\n1,0.9\n'), '--label', 'label', '--score', 'score', '--bootstrap', '0']);
    expect(one.code).toBe(1);
    expect((JSON.parse(one.stdout) as Report).roc_auc).toBeNull();
    expect(one.stderr).toMatch(/ROC AUC and average precision are undefined/);
    const bad = await cli(['evaluate', file('bad.csv', 'label,score\n1,0.2\n0,abc\n'), '--label', 'label', '--score', 'score']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv line 3, column "score": "abc" is not a number/);
    const both = await cli(['evaluate', scoresCsv, '--label', 'label', '--score', 'score', '--threshold', '0.3', '--max-f1']);
    expect(both.code).toBe(2);
    const missing = await cli(['evaluate', scoresCsv, '--label', 'nope', '--score', 'score']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no label column "nope"/);
  }, 60_000);

  test('columns that look like PII never reach the error clusters; a one-score file on a 3-class label needs --positive', async () => {
    const names = ['Alice Smith', 'Bob Jones', 'Carol White', 'Dan Brown', 'Eve Black', 'Frank Green'];
    const lines = Array.from({ length: 120 }, (_, i) => {
      const y = i % 2;
      const name = `${names[i % 6]} ${i}`;
      return `${y},${(y ? 0.3 : 0.6) + (i % 7) / 50},${name},${name.toLowerCase().replace(/ /g, '.')}@example.com,${i % 3 ? 'a' : 'b'}`;
    });
    const path = file('pii.csv', `label,score,name,email,grp\n${lines.join('\n')}\n`);
    const { code, stdout, stderr } = await cli(['evaluate', path, '--label', 'label', '--score', 'score', '--bootstrap', '0']);
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout) as { pii_columns_left_out: string[]; errors: { clusters: { false_positives: { column: string }[]; false_negatives: { column: string }[] } } };
    expect(r.pii_columns_left_out).toEqual(expect.arrayContaining(['name', 'email']));
    const clustered = [...r.errors.clusters.false_positives, ...r.errors.clusters.false_negatives].map((c) => c.column);
    expect(clustered).not.toContain('name');
    expect(clustered).not.toContain('email');
    const three = await cli(['evaluate', file('iris.csv', 'y,score\na,0.9\nb,0.2\nc,0.1\na,0.8\n'), '--label', 'y', '--score', 'score']);
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(/has 3 classes; say which one "score" scores \(--positive\)/);
  }, 60_000);

  test('--choose-on picks the threshold on the file\'s own validation rows; --baseline-score compares on the same rows', async () => {
    const t = oracle.test;
    // The oracle scores as the model, a blurred copy as the baseline; the first 60 rows are the validation rows.
    const rows = t.y_true.map((y, i) => `${y},${t.y_score[i]},${Math.round(t.y_score[i] * 4) / 4},${i < 60 ? 'validation' : 'test'}`);
    const path = file('two.csv', `label,model,baseline,split\n${rows.join('\n')}\n`);
    const { code, stdout, stderr } = await cli(['evaluate', path, '--label', 'label', '--score', 'model', '--baseline-score', 'baseline', '--choose-on', 'split=validation', '--max-f1', '--bootstrap', '300']);
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout) as Report & { evaluated_on: string; comparison: { baseline_score: string; baseline: { roc_auc: number; threshold: number }; delta: { roc_auc: { estimate: number; lo: number; hi: number } } } };
    expect(r.n).toBe(171 - 60);
    expect(r.threshold_choice).toMatchObject({ strategy: { kind: 'max-f1' }, chosen_on: 'validation' });
    expect(r.comparison.baseline_score).toBe('baseline');
    // Rounding the scores to quarters can only tie rows, so the model ranks at least as well as its blurred copy.
    expect(r.comparison.delta.roc_auc.estimate).toBeCloseTo((r.roc_auc ?? NaN) - r.comparison.baseline.roc_auc, 12);
    expect(r.comparison.delta.roc_auc.estimate).toBeGreaterThanOrEqual(0);
    expect(r.comparison.delta.roc_auc.lo).toBeLessThanOrEqual(r.comparison.delta.roc_auc.estimate);
    const none = await cli(['evaluate', path, '--label', 'label', '--score', 'model', '--choose-on', 'split=holdout']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no row of two\.csv has split=holdout/);
  }, 60_000);
});
