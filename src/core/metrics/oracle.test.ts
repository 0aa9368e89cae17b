import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { averagePrecision } from './average-precision.ts';
import { binaryReport } from './binary-report.ts';
import { brier } from './brier.ts';
import { calibrationBins } from './calibration.ts';
import { confusionMatrix } from './confusion.ts';
import { logLoss } from './log-loss.ts';
import { prCurve } from './pr-curve.ts';
import { rocAuc } from './roc-auc.ts';
import { rocCurve } from './roc-curve.ts';
import { confusionAt, thresholdSweep } from './sweep.ts';
import type { OracleTest } from './test-fixtures.ts';

// scikit-learn's values, committed in test/fixtures (see test/fixtures/README.md for how they were made).
const oracleUrl = new URL('../../../test/fixtures/breast_cancer_oracle.json', import.meta.url);
const o = (JSON.parse(readFileSync(oracleUrl, 'utf8')) as { test: OracleTest }).test;
const scores = Float64Array.from(o.y_score);
const labels = Uint8Array.from(o.y_true);
const close = (actual: number | null, expected: number): void => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-9);
};

describe('sklearn oracle: breast cancer test split', () => {
  test('ranking metrics', () => {
    close(rocAuc(scores, labels), o.roc_auc);
    close(averagePrecision(scores, labels), o.average_precision);
  });

  test('probability metrics', () => {
    close(brier(scores, labels), o.brier);
    close(logLoss(scores, labels), o['log_loss_eps_1e-15']);
    const cal = calibrationBins(scores, labels);
    close(cal.ece, o.ece_left_closed_bins);
    close(cal.mce, o.mce_sklearn_bins);
    o.calibration_bins_left_closed.forEach((b, i) => {
      const mine = cal.bins[i];
      expect(mine?.count).toBe(b.count);
      if (b.count === 0) return;
      close(mine?.mean_pred ?? null, b.mean_pred as number);
      close(mine?.frac_pos ?? null, b.frac_pos as number);
    });
  });

  test('report at 0.5 matches the confusion matrix and ratios', () => {
    const r = binaryReport(scores, labels, o.threshold);
    const cm = o.confusion_matrix;
    expect({ tn: r.tn, fp: r.fp, fn: r.fn, tp: r.tp }).toEqual({ tn: cm.tn, fp: cm.fp, fn: cm.fn, tp: cm.tp });
    expect({ n: r.n, n_pos: r.n_pos, n_neg: r.n_neg }).toEqual({ n: o.n, n_pos: o.n_pos, n_neg: o.n_neg });
    close(r.accuracy, o.accuracy);
    close(r.precision, o.precision);
    close(r.recall, o.recall);
    close(r.f1, o.f1);
    close(r.roc_auc, o.roc_auc);
    close(r.average_precision, o.average_precision);
    close(r.brier, o.brier);
    close(r.log_loss, o['log_loss_eps_1e-15']);
    close(r.ece, o.ece_left_closed_bins);
    close(r.mce, o.mce_sklearn_bins);
  });

  test('confusionAt on the sweep equals the direct count at every score and a grid', () => {
    const sweep = thresholdSweep(scores, labels);
    const grid = [...Array.from(scores), ...Array.from({ length: 101 }, (_, i) => i / 100), -1, 2, Infinity];
    for (const t of grid) expect(confusionAt(sweep, t)).toEqual(confusionMatrix(scores, labels, t));
  });

  test("sklearn's thinned ROC points all lie on the exact curve", () => {
    const roc = rocCurve(thresholdSweep(scores, labels));
    // sklearn 1.2.1 puts max(score) + 1 first; ours is +Infinity, so compare from the second point.
    for (let i = 1; i < o.roc_curve.thresholds.length; i++) {
      const j = roc.thresholds.indexOf(o.roc_curve.thresholds[i] as number);
      expect(j).toBeGreaterThan(0);
      close(roc.fpr[j] ?? null, o.roc_curve.fpr[i] as number);
      close(roc.tpr[j] ?? null, o.roc_curve.tpr[i] as number);
    }
  });

  test("PR curve equals sklearn's, read highest threshold first", () => {
    const pr = prCurve(thresholdSweep(scores, labels));
    const k = o.pr_curve.thresholds.length;
    expect(pr.thresholds.length).toBe(k);
    for (let i = 0; i < k; i++) {
      // sklearn lists thresholds ascending and appends a (recall 0, precision 1) end point we do not invent.
      const s = k - 1 - i;
      expect(pr.thresholds[i]).toBe(o.pr_curve.thresholds[s]);
      close(pr.precision[i] ?? null, o.pr_curve.precision[s] as number);
      close(pr.recall[i] ?? null, o.pr_curve.recall[s] as number);
    }
  });
});
