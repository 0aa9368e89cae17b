import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { multiclassReport } from './multiclass-report.ts';

const CLASSES = ['a', 'b', 'c'];

/**
 * 8 rows, 3 classes. Argmax predictions: a a b | b a | c c b.
 *   actual a: [0.7, 0.2, 0.1] → a, [0.5, 0.3, 0.2] → a, [0.3, 0.6, 0.1] → b
 *   actual b: [0.2, 0.7, 0.1] → b, [0.4, 0.35, 0.25] → a
 *   actual c: [0.1, 0.3, 0.6] → c, [0.25, 0.15, 0.6] → c, [0.2, 0.45, 0.35] → b
 */
const Y = new Uint8Array([0, 0, 0, 1, 1, 2, 2, 2]);
const P = new Float64Array([
  0.7, 0.2, 0.1,
  0.5, 0.3, 0.2,
  0.3, 0.6, 0.1,
  0.2, 0.7, 0.1,
  0.4, 0.35, 0.25,
  0.1, 0.3, 0.6,
  0.25, 0.15, 0.6,
  0.2, 0.45, 0.35,
]);

describe('multiclassReport: hand-computed 3-class case', () => {
  // The same numbers from scikit-learn, with y = [0,0,0,1,1,2,2,2], P as above and y_pred = P.argmax(axis=1):
  //   confusion_matrix(y, y_pred)
  //   precision_recall_fscore_support(y, y_pred, average=None | 'macro' | 'micro' | 'weighted')
  //   accuracy_score(y, y_pred)
  //   roc_auc_score(y == k, P[:, k]) for each k
  //   roc_auc_score(y, P, multi_class='ovr', average='macro' | 'weighted')
  const r = multiclassReport(P, Y, CLASSES);

  test('confusion matrix [actual][predicted] and accuracy', () => {
    expect(r.n).toBe(8);
    expect(r.classes).toEqual(CLASSES);
    expect(r.confusion).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 1, 2],
    ]);
    expect(r.accuracy).toBe(5 / 8);
  });

  test('per-class precision, recall, F1 and support', () => {
    // support (row sums) 3, 2, 3; predicted (column sums) 3, 3, 2; tp (diagonal) 2, 1, 2.
    const [a, b, c] = r.per_class;
    expect(a).toMatchObject({ class: 'a', support: 3 });
    expect(a.precision).toBeCloseTo(2 / 3, 15);
    expect(a.recall).toBeCloseTo(2 / 3, 15);
    expect(a.f1).toBeCloseTo(2 / 3, 15); // 2·2 / (3 + 3)
    expect(b).toMatchObject({ class: 'b', support: 2, recall: 0.5 });
    expect(b.precision).toBeCloseTo(1 / 3, 15);
    expect(b.f1).toBeCloseTo(0.4, 15); // 2·1 / (2 + 3)
    expect(c).toMatchObject({ class: 'c', support: 3, precision: 1, f1: 0.8 }); // 2·2 / (3 + 2)
    expect(c.recall).toBeCloseTo(2 / 3, 15);
  });

  test('one-vs-rest AUC per class, by counting pairs', () => {
    // a: positives 0.7, 0.5, 0.3 vs negatives 0.2, 0.4, 0.1, 0.25, 0.2 → 5 + 5 + 4 of 15 pairs ranked right.
    expect(r.per_class[0].roc_auc_ovr).toBeCloseTo(14 / 15, 15);
    // b: positives 0.7, 0.35 vs negatives 0.2, 0.3, 0.6, 0.3, 0.15, 0.45 → 6 + 4 of 12.
    expect(r.per_class[1].roc_auc_ovr).toBeCloseTo(5 / 6, 15);
    // c: positives 0.6, 0.6, 0.35 vs negatives 0.1, 0.2, 0.1, 0.1, 0.25 → 15 of 15.
    expect(r.per_class[2].roc_auc_ovr).toBe(1);
  });

  test('macro averages: unweighted means over the 3 classes', () => {
    expect(r.macro.precision).toBeCloseTo((2 / 3 + 1 / 3 + 1) / 3, 15); // 2/3
    expect(r.macro.recall).toBeCloseTo((2 / 3 + 1 / 2 + 2 / 3) / 3, 15); // 11/18
    expect(r.macro.f1).toBeCloseTo((2 / 3 + 0.4 + 0.8) / 3, 15); // 28/45
    expect(r.macro.roc_auc_ovr).toBeCloseTo((14 / 15 + 5 / 6 + 1) / 3, 15); // 83/90
    expect(r.macro.defined).toEqual({ precision: 3, recall: 3, f1: 3, roc_auc_ovr: 3 });
  });

  test('micro averages equal accuracy', () => {
    expect(r.micro).toEqual({ precision: 5 / 8, recall: 5 / 8, f1: 5 / 8 });
  });

  test('weighted averages: support-weighted (3, 2, 3) means', () => {
    expect(r.weighted.precision).toBeCloseTo((3 * (2 / 3) + 2 * (1 / 3) + 3 * 1) / 8, 15); // 17/24
    expect(r.weighted.recall).toBeCloseTo(5 / 8, 15); // weighted recall is always accuracy
    expect(r.weighted.f1).toBeCloseTo((3 * (2 / 3) + 2 * 0.4 + 3 * 0.8) / 8, 15); // 0.65
    expect(r.weighted.roc_auc_ovr).toBeCloseTo((3 * (14 / 15) + 2 * (5 / 6) + 3 * 1) / 8, 15); // 14/15
    expect(r.weighted.defined).toEqual({ precision: 3, recall: 3, f1: 3, roc_auc_ovr: 3 });
  });
});

describe('multiclassReport: undefined values, as scikit-learn averages them (zero_division=0)', () => {
  test('a class never predicted: precision null, counted as 0 in macro and weighted, and named in a message', () => {
    // Predictions a, a, b, b, a, b: class c (2 rows) is never the argmax.
    const y = new Uint8Array([0, 0, 1, 1, 2, 2]);
    const p = new Float64Array([
      0.8, 0.1, 0.1,
      0.6, 0.3, 0.1,
      0.2, 0.7, 0.1,
      0.1, 0.5, 0.4,
      0.5, 0.2, 0.3,
      0.2, 0.45, 0.35,
    ]);
    const r = multiclassReport(p, y, CLASSES);
    expect(r.confusion).toEqual([
      [2, 0, 0],
      [0, 2, 0],
      [1, 1, 0],
    ]);
    const c = r.per_class[2];
    expect(c.precision).toBeNull();
    expect(c.recall).toBe(0);
    expect(c.f1).toBe(0); // 2·0 / (2 + 0): defined, and 0
    // Precision: a = 2/3, b = 2/3, c undefined → 0: macro (2/3 + 2/3 + 0) / 3.
    expect(r.macro.precision).toBeCloseTo(4 / 9, 15);
    expect(r.macro.defined.precision).toBe(2);
    expect(r.macro.recall).toBeCloseTo((1 + 1 + 0) / 3, 15);
    // Weighted precision: (2·2/3 + 2·2/3 + 2·0) / 6.
    expect(r.weighted.precision).toBeCloseTo(4 / 9, 15);
    expect(r.accuracy).toBeCloseTo(4 / 6, 15);
    expect(r.messages).toEqual(['Precision is undefined for "c": never predicted. The macro and weighted averages count it as 0, as scikit-learn does (zero_division=0).']);
  });

  test('a class with no rows but predicted: recall and AUC null, recall counted as 0, AUC averaged over the rest', () => {
    // Class c never occurs but row 1 predicts it.
    const y = new Uint8Array([0, 0, 1, 1]);
    const p = new Float64Array([
      0.6, 0.3, 0.1,
      0.3, 0.2, 0.5,
      0.1, 0.8, 0.1,
      0.2, 0.7, 0.1,
    ]);
    const r = multiclassReport(p, y, CLASSES);
    const c = r.per_class[2];
    expect(c).toMatchObject({ support: 0, precision: 0, recall: null, f1: 0, roc_auc_ovr: null });
    expect(r.macro.defined).toEqual({ precision: 3, recall: 2, f1: 3, roc_auc_ovr: 2 });
    expect(r.macro.recall).toBeCloseTo((0.5 + 1 + 0) / 3, 15);
    // a: positives 0.6, 0.3 vs negatives 0.1, 0.2 → 4/4; b: positives 0.8, 0.7 vs 0.3, 0.2 → 4/4.
    expect(r.macro.roc_auc_ovr).toBe(1);
    expect(r.weighted.roc_auc_ovr).toBe(1);
    expect(r.messages[0]).toMatch(/^Recall and one-vs-rest AUC are undefined for "c": no rows of that class/);
  });

  test('a class neither present nor predicted is left out of the averages, as sklearn\'s default labels leave it out', () => {
    const y = new Uint8Array([0, 1, 1]);
    const p = new Float64Array([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.6, 0.3, 0.1]);
    const r = multiclassReport(p, y, CLASSES);
    // Over a and b only: precision 1/2 and 1, recall 1 and 1/2.
    expect(r.macro.precision).toBeCloseTo(0.75, 15);
    expect(r.macro.recall).toBeCloseTo(0.75, 15);
    expect(r.messages.at(-1)).toMatch(/^"c" neither occur nor are predicted/);
  });

  test('argmax ties go to the lowest class index', () => {
    const r = multiclassReport(new Float64Array([0.4, 0.4, 0.2, 0.3, 0.35, 0.35]), new Uint8Array([1, 2]), CLASSES);
    expect(r.confusion).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(r.accuracy).toBe(0);
  });

  test('no rows: every ratio and average is null', () => {
    const r = multiclassReport(new Float64Array(0), new Uint8Array(0), CLASSES);
    expect(r.n).toBe(0);
    expect(r.accuracy).toBeNull();
    expect(r.per_class.every((m) => m.precision === null && m.recall === null && m.f1 === null && m.roc_auc_ovr === null)).toBe(true);
    expect(r.macro).toMatchObject({ precision: null, recall: null, f1: null, roc_auc_ovr: null });
    expect(r.micro).toEqual({ precision: null, recall: null, f1: null });
    expect(r.weighted).toMatchObject({ precision: null, recall: null, f1: null, roc_auc_ovr: null });
  });
});

describe('multiclassReport: shape errors', () => {
  test('probabilities length must be n × K', () => {
    expect(() => multiclassReport(new Float64Array(5), new Uint8Array(2), CLASSES)).toThrow(
      'probabilities must hold one value per row and class: 2 rows × 3 classes = 6 values (got 5)',
    );
  });

  test('class indices must be below K', () => {
    expect(() => multiclassReport(new Float64Array(6), new Uint8Array([0, 3]), CLASSES)).toThrow(
      'class index at row 1 is 3; there are only 3 classes (0 to 2)',
    );
  });

  test('at least two distinct classes', () => {
    expect(() => multiclassReport(new Float64Array(2), new Uint8Array(2), ['a'])).toThrow('at least 2 classes (got 1)');
    expect(() => multiclassReport(new Float64Array(4), new Uint8Array(2), ['a', 'a'])).toThrow('class names must be distinct');
  });

  test('a NaN probability is refused with its row and class', () => {
    expect(() => multiclassReport(new Float64Array([0.5, 0.5, 0, 0.2, NaN, 0.8]), new Uint8Array([0, 1]), CLASSES)).toThrow(
      'probability at row 1, class "b" is NaN',
    );
  });
});

interface SklearnCase {
  classes: string[]; class_index: number[]; probabilities: number[][]; accuracy: number; log_loss: number;
  per_class_precision_zero_division_0: number[]; per_class_recall_zero_division_0: number[]; per_class_f1_zero_division_0: number[];
  macro: { precision: number; recall: number; f1: number }; weighted: { precision: number; recall: number; f1: number };
}
const sklearn = JSON.parse(readFileSync(new URL('../../../test/fixtures/sklearn/multiclass.json', import.meta.url), 'utf8')) as {
  sklearn_version: string; never_predicted: SklearnCase; no_rows: SklearnCase;
};

describe(`multiclassReport against scikit-learn ${sklearn.sklearn_version} (test/fixtures/sklearn/multiclass.json)`, () => {
  test.each([['a class never predicted (4 classes, 40 rows)', sklearn.never_predicted], ['a class with no rows but predicted', sklearn.no_rows]])('%s', (_, f) => {
    const r = multiclassReport(Float64Array.from(f.probabilities.flat()), Uint8Array.from(f.class_index), f.classes);
    expect(r.accuracy).toBeCloseTo(f.accuracy, 14);
    expect(r.log_loss).toBeCloseTo(f.log_loss, 12);
    r.per_class.forEach((m, c) => {
      // sklearn writes 0 where the value is undefined; the per-class value here stays null.
      expect(m.precision ?? 0).toBeCloseTo(f.per_class_precision_zero_division_0[c], 14);
      expect(m.recall ?? 0).toBeCloseTo(f.per_class_recall_zero_division_0[c], 14);
      expect(m.f1 ?? 0).toBeCloseTo(f.per_class_f1_zero_division_0[c], 14);
    });
    for (const average of ['macro', 'weighted'] as const) {
      for (const key of ['precision', 'recall', 'f1'] as const) expect(r[average][key], `${average} ${key}`).toBeCloseTo(f[average][key], 14);
    }
    expect(r.messages.length).toBeGreaterThan(0);
  });

  test('the never-predicted class keeps a null precision and is named', () => {
    const f = sklearn.never_predicted;
    const r = multiclassReport(Float64Array.from(f.probabilities.flat()), Uint8Array.from(f.class_index), f.classes);
    expect(r.per_class[3].precision).toBeNull();
    expect(r.messages[0]).toContain('"d": never predicted');
  });
});
