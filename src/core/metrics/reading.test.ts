import { describe, expect, test } from 'vitest';
import { readConfusion } from './reading.ts';

const read = (tp: number, fp: number, tn: number, fn: number): string =>
  readConfusion({ threshold: 0.5, tp, fp, tn, fn });

describe('readConfusion', () => {
  test('the usual case, plural everywhere', () => {
    expect(read(103, 7, 61, 4)).toBe('Of 110 cases flagged positive, 7 are false alarms; 4 of 107 real positives are missed.');
  });

  test('singular false alarm and singular miss', () => {
    expect(read(9, 1, 5, 1)).toBe('Of 10 cases flagged positive, 1 is a false alarm; 1 of 10 real positives is missed.');
  });

  test('one case flagged', () => {
    expect(read(0, 1, 5, 3)).toBe('The 1 case flagged positive is a false alarm; all 3 real positives are missed.');
    expect(read(1, 0, 5, 3)).toBe('The 1 case flagged positive is a real positive; 3 of 4 real positives are missed.');
  });

  test('no false alarms and no misses', () => {
    expect(read(5, 0, 5, 0)).toBe('Of 5 cases flagged positive, none are false alarms; none of 5 real positives are missed.');
  });

  test('zero flagged', () => {
    expect(read(0, 0, 64, 107)).toBe('No cases are flagged positive; all 107 real positives are missed.');
    expect(read(0, 0, 3, 1)).toBe('No cases are flagged positive; the 1 real positive is missed.');
  });

  test('zero real positives', () => {
    expect(read(0, 4, 2, 0)).toBe('All 4 cases flagged positive are false alarms; there are no real positives to miss.');
    expect(read(0, 0, 6, 0)).toBe('No cases are flagged positive; there are no real positives either.');
  });

  test('a single real positive that is caught', () => {
    expect(read(1, 2, 5, 0)).toBe('Of 3 cases flagged positive, 2 are false alarms; the 1 real positive is caught.');
  });
});

describe('readConfusion with outcome names', () => {
  const names = { positive: 'survived', negative: 'not survived' };
  const named = (tp: number, fp: number, tn: number, fn: number): string => readConfusion({ threshold: 0.5, tp, fp, tn, fn }, names);

  test('speaks of the outcomes instead of positives', () => {
    expect(named(103, 7, 61, 4)).toBe('Of 110 cases predicted “survived”, 7 are false alarms (actually “not survived”); 4 of 107 cases actually “survived” are missed.');
    expect(named(9, 1, 5, 1)).toBe('Of 10 cases predicted “survived”, 1 is a false alarm (actually “not survived”); 1 of 10 cases actually “survived” is missed.');
  });

  test('one flagged, one real, none flagged', () => {
    expect(named(1, 0, 5, 3)).toBe('The 1 case predicted “survived” is right (actually “survived”); 3 of 4 cases actually “survived” are missed.');
    expect(named(0, 1, 5, 1)).toBe('The 1 case predicted “survived” is a false alarm (actually “not survived”); the 1 case actually “survived” is missed.');
    expect(named(0, 0, 3, 0)).toBe('No cases are predicted “survived”; there are no cases actually “survived” either.');
  });
});
