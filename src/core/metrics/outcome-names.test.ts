import { describe, expect, test } from 'vitest';
import { className, outcomeNames, renamedOutcomes } from './outcome-names.ts';

describe('outcomeNames', () => {
  test('0/1 codes read through the label name (Titanic)', () => {
    expect(outcomeNames('survived', '1', ['0', '1'])).toEqual({ positive: 'survived', negative: 'not survived' });
    expect(outcomeNames('churned', 'Yes', ['No'])).toEqual({ positive: 'churned', negative: 'not churned' });
    expect(outcomeNames('fraud', 'true', [])).toEqual({ positive: 'fraud', negative: 'not fraud' });
  });

  test('word classes keep their own names; the single other class names the negative', () => {
    expect(outcomeNames('diagnosis', 'M', ['B', 'M'])).toEqual({ positive: 'M', negative: 'B' });
    expect(outcomeNames('kind', 'spam', ['ham'])).toEqual({ positive: 'spam', negative: 'ham' });
  });

  test('several other classes (one-vs-rest) read as "not <positive>"', () => {
    expect(outcomeNames('species', 'setosa', ['setosa', 'versicolor', 'virginica'])).toEqual({ positive: 'setosa', negative: 'not setosa' });
    expect(outcomeNames('pclass', '1', ['1', '2', '3'])).toEqual({ positive: 'pclass = 1', negative: 'pclass ≠ 1' });
  });

  test('a code positive against a word class, or no label name, keeps the values', () => {
    expect(outcomeNames('status', '1', ['pending'])).toEqual({ positive: 'status = 1', negative: 'pending' });
    expect(outcomeNames('grade', '3', ['2', '3'])).toEqual({ positive: 'grade = 3', negative: 'grade = 2' });
    expect(outcomeNames('', '1', ['0'])).toEqual({ positive: '1', negative: '0' });
  });
});

describe('renamedOutcomes', () => {
  const derived = outcomeNames('survived', '1', ['0', '1']);
  test('the contract\'s words replace the derived ones, trimmed; empty words fall back', () => {
    expect(renamedOutcomes(derived, { positive: ' flagged for review ', negative: 'not flagged' })).toEqual({ positive: 'flagged for review', negative: 'not flagged' });
    expect(renamedOutcomes(derived, { positive: 'rescued', negative: '  ' })).toEqual({ positive: 'rescued', negative: 'not survived' });
    expect(renamedOutcomes(derived, undefined)).toEqual(derived);
    expect(renamedOutcomes(derived, null)).toEqual(derived);
  });
});

describe('className', () => {
  test('numbers read through the label; words and an unnamed label keep the value', () => {
    expect([className('pclass', '1'), className('grade', '-2.5'), className('species', 'setosa'), className('', '3')]).toEqual(['pclass = 1', 'grade = -2.5', 'setosa', '3']);
  });
});
