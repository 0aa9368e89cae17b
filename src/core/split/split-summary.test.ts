import { describe, expect, test } from 'vitest';
import { randomSplitLeakWarning } from './describe-split.ts';
import { summarizeSplit, trainingClassesBlocker } from './split-summary.ts';
import type { Split } from './split.ts';
import { categoricalColumn, datetimeColumn, range } from './test-columns.ts';

const ints = (xs: number[]): Int32Array => Int32Array.from(xs);

describe('summarizeSplit', () => {
  // 100 rows, every 5th positive; train 0..59, validation 60..79, test 80..99.
  const y = Uint8Array.from({ length: 100 }, (_, r) => (r % 5 === 0 ? 1 : 0));
  const split: Split = {
    train: range(60),
    validation: ints(Array.from({ length: 20 }, (_, i) => 60 + i)),
    test: ints(Array.from({ length: 20 }, (_, i) => 80 + i)),
  };

  test('counts, positive rates and time ranges per part', () => {
    const times = Array.from({ length: 100 }, (_, r) => (r === 99 ? NaN : 1000 * r));
    const s = summarizeSplit(split, y, datetimeColumn('at', times));
    expect(s.train).toEqual({ n: 60, nPositive: 12, positiveRate: 0.2, timeMin: 0, timeMax: 59000 });
    expect(s.validation).toEqual({ n: 20, nPositive: 4, positiveRate: 0.2, timeMin: 60000, timeMax: 79000 });
    // Row 99 has no time, so the test range ends at row 98.
    expect(s.test).toEqual({ n: 20, nPositive: 4, positiveRate: 0.2, timeMin: 80000, timeMax: 98000 });
  });

  test('without a time column the time range is null; tiny parts are warned about', () => {
    const s = summarizeSplit(split, y);
    expect(s.train.timeMin).toBeNull();
    expect(s.test.timeMax).toBeNull();
    expect(s.warnings).toEqual([
      'The validation split is tiny (20 rows), so its metrics will change a lot with the seed; aim for at least 30 rows.',
      'The test split is tiny (20 rows), so its metrics will change a lot with the seed; aim for at least 30 rows.',
    ]);
  });

  test('an empty part: n 0, positiveRate null, one "no rows" warning and no other for it', () => {
    const big = Uint8Array.from({ length: 80 }, (_, r) => (r % 2 === 0 ? 1 : 0));
    const s = summarizeSplit({ train: range(40), validation: ints([]), test: ints(Array.from({ length: 40 }, (_, i) => 40 + i)) }, big);
    expect(s.validation).toEqual({ n: 0, nPositive: 0, positiveRate: null, timeMin: null, timeMax: null });
    expect(s.warnings).toEqual(['The validation split has no rows, so nothing can be measured on it.']);
  });

  test('one-class parts: no positives and no negatives', () => {
    const labels = new Uint8Array(120);
    for (let r = 40; r < 80; r++) labels[r] = 1; // validation all positive
    for (let r = 0; r < 40; r += 2) labels[r] = 1; // train mixed; test (80..119) all negative
    const s = summarizeSplit(
      { train: range(40), validation: ints(Array.from({ length: 40 }, (_, i) => 40 + i)), test: ints(Array.from({ length: 40 }, (_, i) => 80 + i)) },
      labels,
    );
    expect([s.train.positiveRate, s.validation.positiveRate, s.test.positiveRate]).toEqual([0.5, 1, 0]);
    expect(s.warnings).toEqual([
      'The validation split has no negative rows, so specificity and ROC AUC cannot be computed on it.',
      'The test split has no positive rows, so recall and ROC AUC cannot be computed on it.',
    ]);
  });

  test('a training part without positives (a group split on the label) is blocking, with the count', () => {
    const labels = Uint8Array.from({ length: 120 }, (_, r) => (r >= 60 ? 1 : 0)); // train 0..59 all negative
    const parts = { train: range(60), validation: ints(Array.from({ length: 30 }, (_, i) => 60 + i)), test: ints(Array.from({ length: 30 }, (_, i) => 90 + i)) };
    const s = summarizeSplit(parts, labels);
    const message = 'The train split has no positive rows (0 of 60), so no model can learn the positive class; change the split (a group or time split can put every positive elsewhere).';
    expect(s.blocking).toEqual([message]);
    expect(s.warnings[0]).toBe(message);
    const flipped = summarizeSplit(parts, labels.map((v) => 1 - v));
    expect(flipped.blocking).toEqual(['The train split has no negative rows (60 of 60 positive), so no model can learn the other classes; change the split (a group or time split can put every negative elsewhere).']);
    expect(summarizeSplit(split, y).blocking).toEqual([]);
  });

  test('a non-time column for `time` throws naming it', () => {
    expect(() => summarizeSplit(split, y, categoricalColumn('city', ['a']))).toThrow(/"city"/);
  });
});

describe('trainingClassesBlocker', () => {
  const classIndex = Uint8Array.from([0, 1, 2, 0, 1, 2]);
  test('every class in training: null', () => {
    expect(trainingClassesBlocker(ints([0, 1, 2]), classIndex, ['a', 'b', 'c'])).toBeNull();
  });
  test('a class with no training row is named, quoted', () => {
    expect(trainingClassesBlocker(ints([0, 1, 3, 4]), classIndex, ['a', 'b', 'c'])).toBe('The train split has no rows of class "c", so softmax cannot learn it; change the split, or train binary.');
    expect(trainingClassesBlocker(ints([0, 3]), classIndex, ['a', 'b', 'c'])).toBe('The train split has no rows of classes "b", "c", so softmax cannot learn them; change the split, or train binary.');
  });
});

describe('randomSplitLeakWarning', () => {
  test('names the column and explains the leak in one sentence', () => {
    const w = randomSplitLeakWarning('signup_at');
    expect(w).toContain('"signup_at"');
    expect(w).toContain('future');
    expect(w).toContain('will not have at prediction time');
    expect(w.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });
});
