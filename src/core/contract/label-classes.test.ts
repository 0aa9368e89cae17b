import { describe, expect, test } from 'vitest';
import { parseCsv } from '../data/parse-csv.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { createContract } from './contract.ts';
import { classTargets, encodeLabel, splitStrata } from './encode-label.ts';
import { defaultLabel, defaultPositiveClass, labelClasses, tinyClasses, type LabelClass } from './label-classes.ts';

async function snapshot(csv: string): Promise<Snapshot> {
  const result = await parseCsv(new TextEncoder().encode(csv), 'labels.csv');
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

const classes = (...pairs: [string, number][]): LabelClass[] => pairs.map(([value, count]) => ({ value, count }));

describe('labelClasses', () => {
  test('counts distinct non-missing values, most frequent first, ties by value', async () => {
    const s = await snapshot('x,y\n1,b\n2,a\n3,c\n4,c\n5,\n6,a\n7,c\n8,b\n');
    expect(labelClasses(columnByName(s, 'y'))).toEqual(classes(['c', 3], ['a', 2], ['b', 2]));
  });

  test('numeric label column: values print in shortest form', async () => {
    const s = await snapshot('x,y\n1,0\n2,1\n3,0\n4,NA\n');
    expect(labelClasses(columnByName(s, 'y'))).toEqual(classes(['0', 2], ['1', 1]));
  });

  test('0 and -0 share the text "0"; a second call answers the same counts in a fresh array', () => {
    const column = { name: 'y', type: 'numeric', values: new Float64Array([0, -0, 2.5, NaN, 2.5, 0]), missing: 1, distinct: 2 } as const;
    const first = labelClasses(column);
    expect(first).toEqual(classes(['0', 3], ['2.5', 2]));
    first.pop();
    expect(labelClasses(column)).toEqual(classes(['0', 3], ['2.5', 2]));
  });

  test('categorical codes: missing (-1) rows are left out, unused categories never appear', () => {
    const column = { name: 'y', type: 'categorical', codes: new Int32Array([2, 0, -1, 2, 2, 0]), categories: ['no', 'unused', 'yes'], missing: 1, distinct: 2 } as const;
    expect(labelClasses(column)).toEqual(classes(['yes', 3], ['no', 2]));
  });
});

describe('defaultPositiveClass', () => {
  test('prefers "1" even when it is the majority', () => {
    expect(defaultPositiveClass(classes(['1', 90], ['0', 10]))).toBe('1');
  });

  test('prefers "true" case-insensitively and returns the original spelling', () => {
    expect(defaultPositiveClass(classes(['False', 3], ['TRUE', 7]))).toBe('TRUE');
  });

  test('prefers "yes" case-insensitively', () => {
    expect(defaultPositiveClass(classes(['No', 2], ['Yes', 8]))).toBe('Yes');
  });

  test('"1" wins over "true" and "yes" when several are present', () => {
    expect(defaultPositiveClass(classes(['yes', 5], ['true', 4], ['1', 3]))).toBe('1');
    expect(defaultPositiveClass(classes(['yes', 5], ['true', 4]))).toBe('true');
  });

  test('otherwise the minority class', () => {
    expect(defaultPositiveClass(classes(['benign', 357], ['malignant', 212]))).toBe('malignant');
  });

  test('minority tie is broken by the smaller value', () => {
    expect(defaultPositiveClass(classes(['z', 90], ['m', 20], ['c', 20]))).toBe('c');
  });

  test('"positive" counts as conventional; a class under max(10 rows, 1%) is never the default', () => {
    expect(defaultPositiveClass(classes(['negative', 50], ['positive', 60]))).toBe('positive');
    // Penguins' Sex: MALE 168, FEMALE 165, "." 1 — the junk row is skipped, FEMALE is the supported minority.
    expect(defaultPositiveClass(classes(['MALE', 168], ['FEMALE', 165], ['.', 1]))).toBe('FEMALE');
    // 2000 rows: 1% is 20, so a 15-row class is too small even though it has 10 rows.
    expect(defaultPositiveClass(classes(['a', 1500], ['b', 485], ['c', 15]))).toBe('b');
    expect(tinyClasses(classes(['a', 1500], ['b', 485], ['c', 15]))).toEqual(['"c" (15 rows)']);
    // Nothing has the support (a tiny file): the plain minority.
    expect(defaultPositiveClass(classes(['p', 4], ['q', 1]))).toBe('q');
  });

  test('no classes → null', () => {
    expect(defaultPositiveClass([])).toBeNull();
  });
});

describe('encodeLabel', () => {
  test('encodes 0/1 against the positive class and skips missing labels', async () => {
    const s = await snapshot('x,y\n1,spam\n2,ham\n3,\n4,spam\n5,ham\n');
    const e = encodeLabel(s, createContract('y', 'spam', ['x']));
    expect(Array.from(e.y)).toEqual([1, 0, 0, 1, 0]);
    expect(Array.from(e.labelled)).toEqual([0, 1, 3, 4]);
    expect(e.nPositive).toBe(2);
  });

  test('numeric label with positive class "1"', async () => {
    const s = await snapshot('x,y\n1,0\n2,1\n3,1\n');
    const e = encodeLabel(s, createContract('y', '1', ['x']));
    expect(Array.from(e.y)).toEqual([0, 1, 1]);
    expect(e.nPositive).toBe(2);
  });

  test('a label with one class throws a plain message naming the label and class', async () => {
    const s = await snapshot('x,y\n1,a\n2,a\n3,\n');
    const run = (): unknown => encodeLabel(s, createContract('y', 'a', ['x']));
    expect(run).toThrow(Error);
    expect(run).toThrow('Every labelled row of "y" is "a": the label has only one class, so there is nothing to learn.');
  });

  test('a positive class that no row has throws a plain message', async () => {
    const s = await snapshot('x,y\n1,a\n2,b\n');
    expect(() => encodeLabel(s, createContract('y', 'c', ['x']))).toThrow('No row of "y" equals the positive class "c".');
  });

  test('a label column that is not in the snapshot throws naming it', async () => {
    const s = await snapshot('x,y\n1,a\n2,b\n');
    expect(() => encodeLabel(s, createContract('target', 'a', ['x']))).toThrow('Column "target" is not in labels.csv');
  });
});

describe('createContract', () => {
  test('refuses the label as a feature and an empty feature list', () => {
    expect(() => createContract('y', '1', ['x', 'y'])).toThrow('The label "y" cannot also be a feature.');
    expect(() => createContract('y', '1', [])).toThrow('Choose at least one feature column.');
    expect(createContract('y', '1', ['x'])).toEqual({ version: 1, label: 'y', positiveClass: '1', features: ['x'] });
  });
});

describe('defaultLabel', () => {
  const col = (name: string, distinct: number) => ({ name, distinct });
  test('a label-like name, whole or as a word, with 2 to 20 values', () => {
    expect(defaultLabel([col('pclass', 3), col('survived', 2), col('age', 88)])).toBe('survived');
    expect(defaultLabel([col('amount', 500), col('is_fraud', 2)])).toBe('is_fraud');
    expect(defaultLabel([col('Churn Flag', 2), col('y', 2)])).toBe('y');
    expect(defaultLabel([col('Species', 3), col('Island', 3), col('Sex', 3)])).toBe('Species');
  });

  test('otherwise none: not the last column, never a numeric column with dozens of values', () => {
    // Bird strikes: the last column is "Speed IAS in knots" with 122 values.
    expect(defaultLabel([col('Airport Name', 900), col('Effect: Indicated Damage', 2), col('Speed IAS in knots', 122)])).toBeNull();
    expect(defaultLabel([col('target', 150)])).toBeNull();
    expect(defaultLabel([col('date', 1461), col('weather', 5)])).toBeNull();
  });
});

describe('splitStrata and classTargets', () => {
  test('two classes: the 0/1 label and the positive class only; three: class indices in code-unit order and every class', async () => {
    const binary = await snapshot('x,y\n1,spam\n2,ham\n3,\n4,spam\n');
    const contract = createContract('y', 'spam', ['x']);
    const y = encodeLabel(binary, contract).y;
    expect(splitStrata(binary, contract, y)).toBe(y);
    expect(classTargets(binary, contract, y).map((t) => [t.name, [...t.y]])).toEqual([['spam', [1, 0, 0, 1]]]);

    const multi = await snapshot('x,s\n1,sun\n2,rain\n3,\n4,snow\n5,sun\n');
    const c3 = createContract('s', 'snow', ['x']);
    const y3 = encodeLabel(multi, c3).y;
    // rain 0, snow 1, sun 2; the missing label's stratum is never read (it is in no split).
    expect([...splitStrata(multi, c3, y3)]).toEqual([2, 0, 0, 1, 2]);
    expect(classTargets(multi, c3, y3).map((t) => [t.name, [...t.y]])).toEqual([
      ['rain', [0, 1, 0, 0, 0]], ['snow', [0, 0, 0, 1, 0]], ['sun', [1, 0, 0, 0, 1]],
    ]);
  });
});
