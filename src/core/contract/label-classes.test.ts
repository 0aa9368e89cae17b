import { describe, expect, test } from 'vitest';
import { parseCsv } from '../data/parse-csv.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { createContract } from './contract.ts';
import { encodeLabel } from './encode-label.ts';
import { defaultPositiveClass, labelClasses, type LabelClass } from './label-classes.ts';

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
    expect(defaultPositiveClass(classes(['z', 9], ['m', 2], ['c', 2]))).toBe('c');
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
