import { describe, expect, test } from 'vitest';
import { DEFAULT_DRIFT_LEVELS } from '../core/index.ts';
import { absentColumns, byteText, defaultKey, endText, headerColumns, levelsProblem, plotBins, scoredName } from './monitor-text.ts';

describe('monitor helpers', () => {
  test('header columns with the file\'s own delimiter, BOM and quotes removed', () => {
    expect(headerColumns('\uFEFFpclass,"sex",age\r\n1,male,22\n')).toEqual(['pclass', 'sex', 'age']);
    expect(headerColumns('a;b;c\n1;2;3')).toEqual(['a', 'b', 'c']);
    expect(headerColumns('a\tb\n')).toEqual(['a', 'b']);
    expect(headerColumns('')).toEqual([]);
  });

  test('the default key is the bundle\'s entity key only when the file has it; absent model columns are named', () => {
    expect(defaultKey(['id', 'x'], { entity_key: 'id' })).toBe('id');
    expect(defaultKey(['x'], { entity_key: 'id' })).toBe('');
    expect(defaultKey(['id'], { entity_key: null })).toBe('');
    const columns = [{ name: 'age' }, { name: 'sex' }, { name: 'fare' }] as never;
    expect(absentColumns(['sex', 'pclass'], { columns })).toEqual(['age', 'fare']);
  });

  test('levels: defaults pass; a warn above its alert or a negative level is named', () => {
    expect(levelsProblem(DEFAULT_DRIFT_LEVELS)).toBeNull();
    expect(levelsProblem({ ...DEFAULT_DRIFT_LEVELS, psi_warn: 0.3 })).toBe('the PSI warn level must not exceed its alert level');
    expect(levelsProblem({ ...DEFAULT_DRIFT_LEVELS, missing_alert: -1 })).toBe('missing alert must be a number ≥ 0');
    expect(levelsProblem({ ...DEFAULT_DRIFT_LEVELS, psi_alert: Number.NaN })).toBe('psi alert must be a number ≥ 0');
  });

  test('bytes, download names and the end-of-job sentence', () => {
    expect([byteText(512), byteText(1536), byteText(5 * 1024 ** 2), byteText(3 * 1024 ** 3)]).toEqual(['512 B', '1.5 KB', '5.0 MB', '3.0 GB']);
    expect(scoredName('new.csv', 'scored', false)).toBe('new.scored.csv');
    expect(scoredName('new.csv', 'rejects', true)).toBe('new.partial.rejects.csv');
    const progress = { rows: 1000, scored: 990, rejected: 10, flagged: 5 };
    expect(endText({ partial: false, seconds: 0.5, progress })).toBe('Scored 990 of 1000 rows (10 rejected, 5 scored with a flag) in 500 ms, 2,000 rows/s.');
    expect(endText({ partial: true, seconds: 2, progress })).toBe('Cancelled: kept 990 of 1000 rows (10 rejected, 5 scored with a flag) in 2.0 s, 500 rows/s; the files below are partial.');
  });
});

describe('plot bins', () => {
  test('few bins stay as they are, with long numbers cut to 3 significant digits', () => {
    expect(plotBins([{ label: '[0.0322546123, 0.25)', reference: 0.5, new: 0.25 }, { label: '>= 0.25', reference: 0.5, new: 0.75 }]))
      .toEqual([{ label: '[0.0323, 0.25)', reference: 0.5, new: 0.25 }, { label: '>= 0.25', reference: 0.5, new: 0.75 }]);
  });

  test('many categories: the largest on either side stay in order, the rest are summed', () => {
    const bins = ['a', 'b', 'c', 'd', 'e'].map((label, i) => ({ label, reference: [0.4, 0.05, 0.3, 0.05, 0.2][i], new: [0.1, 0.5, 0.1, 0.2, 0.1][i] }));
    const out = plotBins(bins, 3);
    expect(out.map((b) => b.label)).toEqual(['a', 'b', '3 others']);
    expect(out[2].reference).toBeCloseTo(0.55, 12);
    expect(out[2].new).toBeCloseTo(0.4, 12);
  });
});
