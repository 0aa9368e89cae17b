import { describe, expect, test } from 'vitest';
import { parseCsv } from '../data/parse-csv.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { classFromScoreColumn, readScoresTable, ScoresTableError, type ScoresTable, type ScoresTableSpec } from './scores-table.ts';

async function load(text: string, fileName = 'scores.csv'): Promise<Snapshot> {
  const result = await parseCsv(new TextEncoder().encode(text), fileName);
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.error.kind}: ${result.error.message}`);
  return result.snapshot;
}

async function read(text: string, spec: ScoresTableSpec): Promise<ScoresTable> {
  return readScoresTable(await load(text), spec);
}

/** The ScoresTableError thrown by reading `text`, so its message, row and column can be checked. */
async function failure(text: string, spec: ScoresTableSpec): Promise<ScoresTableError> {
  const snapshot = await load(text);
  try {
    readScoresTable(snapshot, spec);
  } catch (e) {
    if (e instanceof ScoresTableError) return e;
    throw e;
  }
  throw new Error('expected a ScoresTableError');
}

const BINARY: ScoresTableSpec = { label: 'label', scores: ['score'] };

describe('readScoresTable: binary', () => {
  test('reads labels and scores, skipping rows without a label', async () => {
    const t = await read('id,label,score\n1,1,0.9\n2,0,0.2\n3,,0.5\n4,1,0.7\n5,0,0.4\n', BINARY);
    expect(t.kind).toBe('binary');
    expect(Array.from(t.rows)).toEqual([0, 1, 3, 4]);
    expect(Array.from(t.labels)).toEqual([1, 0, 1, 0]);
    expect(Array.from(t.scores)).toEqual([0.9, 0.2, 0.7, 0.4]);
    expect(t.positive).toBe('1');
    expect(t.skipped).toBe(1);
  });

  test('scores need not be probabilities', async () => {
    const t = await read('label,score\n1,3.5\n0,-2\n', BINARY);
    expect(Array.from(t.scores)).toEqual([3.5, -2]);
  });

  test('positive default: yes (any case) when present', async () => {
    const t = await read('label,score\nNo,0.1\nYes,0.8\nNo,0.3\n', BINARY);
    expect(t.positive.toLowerCase()).toBe('yes');
    expect(Array.from(t.labels)).toEqual([0, 1, 0]);
  });

  test('positive default: the minority class when no conventional positive exists', async () => {
    const t = await read('label,score\ncat,0.1\ndog,0.8\ncat,0.3\ncat,0.2\n', BINARY);
    expect(t.positive).toBe('dog');
    expect(Array.from(t.labels)).toEqual([0, 1, 0, 0]);
  });

  test('an explicit positive wins; every other value is negative', async () => {
    const t = await read('label,score\ncat,0.1\ndog,0.8\nbird,0.3\n', { ...BINARY, positive: 'cat' });
    expect(t.positive).toBe('cat');
    expect(Array.from(t.labels)).toEqual([1, 0, 0]);
  });

  test('one class only is allowed', async () => {
    const t = await read('label,score\n1,0.9\n1,0.4\n', BINARY);
    expect(Array.from(t.labels)).toEqual([1, 1]);
  });

  test('a bad score cell on a skipped row is not checked', async () => {
    const t = await read('label,score\n1,0.9\n,abc\n0,0.1\n', BINARY);
    expect(Array.from(t.scores)).toEqual([0.9, 0.1]);
    expect(t.skipped).toBe(1);
  });

  test('a numeric label is read per distinct value: -0 and 0 are one class "0", 1.0 is "1"', async () => {
    const t = await read('label,score\n-0,0.2\n1.0,0.9\n0,0.4\n1,0.8\n0.0,0.3\n', BINARY);
    expect(t.positive).toBe('1');
    expect(Array.from(t.labels)).toEqual([0, 1, 0, 1, 0]);
    expect(Array.from(t.scores)).toEqual([0.2, 0.9, 0.4, 0.8, 0.3]);
  });

  test('a text label: the minority class is positive, counted over labelled rows only', async () => {
    const t = await read('label,score\ndog,0.2\ncat,0.9\n,0.5\ndog,0.4\ncat,0.7\ndog,0.1\n', BINARY);
    expect(t.positive).toBe('cat');
    expect(Array.from(t.rows)).toEqual([0, 1, 3, 4, 5]);
    expect(Array.from(t.labels)).toEqual([0, 1, 0, 1, 0]);
    expect(t.skipped).toBe(1);
  });

  test('zero labelled rows is an error', async () => {
    const e = await failure('label,score\nNA,0.9\n,0.4\n', BINARY);
    expect(e.message).toBe('scores.csv: no row has a value in the label column "label"');
    expect(e.column).toBe('label');
  });
});

describe('readScoresTable: cell errors name file, line, column and cell', () => {
  test('a score that is not a number', async () => {
    const e = await failure('label,score\n1,0.9\n0,0.1\n1,abc\n', BINARY);
    expect(e.message).toBe('scores.csv line 4, column "score": "abc" is not a number');
    expect(e.row).toBe(2);
    expect(e.column).toBe('score');
  });

  test('a score that is not finite', async () => {
    const e = await failure('label,score\n1,0.9\n0,Infinity\n', BINARY);
    expect(e.message).toBe('scores.csv line 3, column "score": "Infinity" is not a finite number');
  });

  test('a missing score on a labelled row', async () => {
    const e = await failure('label,score\n1,0.9\n0,0.1\n0,0.3\n1,\n', BINARY);
    expect(e.message).toBe('scores.csv line 5, column "score": the score is missing; every labelled row needs one');
    expect(e.row).toBe(3);
  });

  test('a label column that does not exist lists the columns', async () => {
    const e = await failure('id,y,score\n1,1,0.9\n', BINARY);
    expect(e.message).toBe('scores.csv has no label column "label"; its columns are "id", "y", "score"');
    expect(e.column).toBe('label');
    expect(e.row).toBeNull();
  });

  test('a score column that does not exist lists the columns', async () => {
    const e = await failure('label,prob\n1,0.9\n', BINARY);
    expect(e.message).toBe('scores.csv has no score column "score"; its columns are "label", "prob"');
  });

  test('two score columns are refused as ambiguous', async () => {
    const e = await failure('label,a,b\n1,0.9,0.1\n', { label: 'label', scores: ['a', 'b'] });
    expect(e.message).toMatch(/^Two score columns \("a", "b"\) are ambiguous/);
  });
});

const MULTI_CSV = [
  'id,label,p_cat,p_dog,prob_fish',
  '1,cat,0.7,0.2,0.1',
  '2,dog,0.1,0.8,0.1',
  '3,,0.3,0.3,0.4',
  '4,fish,0.2,0.2,0.5',
  '',
].join('\n');
const MULTI: ScoresTableSpec = { label: 'label', scores: ['p_cat', 'p_dog', 'prob_fish'] };

describe('readScoresTable: multiclass', () => {
  test('classes from p_ / prob_ prefixes; positive defaults to the first class', async () => {
    const t = await read(MULTI_CSV, MULTI);
    if (t.kind !== 'multiclass') throw new Error('expected multiclass');
    expect(t.classes).toEqual(['cat', 'dog', 'fish']);
    expect(Array.from(t.rows)).toEqual([0, 1, 3]);
    expect(t.skipped).toBe(1);
    expect(Array.from(t.classIndex)).toEqual([0, 1, 2]);
    expect(Array.from(t.probabilities)).toEqual([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.2, 0.5]); // row 4 sums to 0.9: kept as read
    expect(t.positive).toBe('cat');
    expect(Array.from(t.labels)).toEqual([1, 0, 0]);
    expect(Array.from(t.scores)).toEqual([0.7, 0.1, 0.2]);
  });

  test('an explicit positive picks its probability column', async () => {
    const t = await read(MULTI_CSV, { ...MULTI, positive: 'dog' });
    expect(Array.from(t.labels)).toEqual([0, 1, 0]);
    expect(Array.from(t.scores)).toEqual([0.2, 0.8, 0.2]);
  });

  test('explicit class names, matching numeric labels', async () => {
    const t = await read('y,s0,s1,s2\n0,0.6,0.3,0.1\n2,0.1,0.1,0.8\n', { label: 'y', scores: ['s0', 's1', 's2'], classes: ['0', '1', '2'] });
    if (t.kind !== 'multiclass') throw new Error('expected multiclass');
    expect(Array.from(t.classIndex)).toEqual([0, 2]);
    expect(t.positive).toBe('0');
  });

  test('a label that is not one of the classes', async () => {
    const e = await failure(MULTI_CSV.replace('4,fish', '4,bird'), MULTI);
    expect(e.message).toBe('scores.csv line 5, column "label": "bird" is not one of the classes "cat", "dog", "fish"');
    expect(e.row).toBe(3);
    expect(e.column).toBe('label');
  });

  test('a probability outside [0, 1]', async () => {
    const e = await failure(MULTI_CSV.replace('2,dog,0.1,0.8', '2,dog,0.1,1.2'), MULTI);
    expect(e.message).toBe('scores.csv line 3, column "p_dog": 1.2 is not a probability in [0, 1]');
    expect(e.column).toBe('p_dog');
  });

  test('a probability that is not a number', async () => {
    const e = await failure(MULTI_CSV.replace('0.5\n', 'high\n'), MULTI);
    expect(e.message).toBe('scores.csv line 5, column "prob_fish": "high" is not a number');
  });

  test('a positive class that is not one of the classes', async () => {
    const e = await failure(MULTI_CSV, { ...MULTI, positive: 'bird' });
    expect(e.message).toBe('The positive class "bird" is not one of the classes "cat", "dog", "fish"');
  });

  test('class names must match the score columns one to one', async () => {
    const wrongCount = await failure(MULTI_CSV, { ...MULTI, classes: ['cat', 'dog'] });
    expect(wrongCount.message).toBe('3 score columns need 3 class names (got 2: "cat", "dog")');
    const twice = await failure('label,p_a,prob_a,p_b\na,0.5,0.5,0\n', { label: 'label', scores: ['p_a', 'prob_a', 'p_b'] });
    expect(twice.message).toMatch(/name the classes "a", "a", "b"; each class needs its own column/);
  });

  test('classFromScoreColumn strips one leading p_ or prob_', () => {
    expect(['p_cat', 'prob_dog', 'fish', 'p_p_x', 'pony'].map(classFromScoreColumn)).toEqual(['cat', 'dog', 'fish', 'p_x', 'pony']);
  });
});

describe('one score column on a label with more than two classes', () => {
  const csv = 'y,p_setosa\nsetosa,0.9\nversicolor,0.2\nvirginica,0.1\nsetosa,0.8\nvirginica,0.3\n';
  test('a p_<class> name says whose probability it is', async () => {
    const parsed = await parseCsv(new TextEncoder().encode(csv), 'iris.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const t = readScoresTable(parsed.snapshot, { label: 'y', scores: ['p_setosa'] });
    expect(t.positive).toBe('setosa');
    expect(Array.from(t.labels)).toEqual([1, 0, 0, 1, 0]);
  });

  test('an unnamed score needs --positive; a positive that is not a label value is refused', async () => {
    const parsed = await parseCsv(new TextEncoder().encode(csv.replace('p_setosa', 'score')), 'iris.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(() => readScoresTable(parsed.snapshot, { label: 'y', scores: ['score'] })).toThrow(/has 3 classes; say which one "score" scores/);
    expect(readScoresTable(parsed.snapshot, { label: 'y', scores: ['score'], positive: 'virginica' }).positive).toBe('virginica');
    expect(() => readScoresTable(parsed.snapshot, { label: 'y', scores: ['score'], positive: 'rose' })).toThrow(/the positive class "rose" is not a value of "y"/);
  });
});
