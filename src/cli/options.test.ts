import { describe, expect, test } from 'vitest';
import { CliError } from './cli-error.ts';
import { readNumber, readOptions, seedOption, text, texts, toggle } from './options.ts';

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    return (e as CliError).message;
  }
  throw new Error('expected a CliError');
}

describe('readNumber', () => {
  test('reads decimals, exponents and negatives; bounds are inclusive', () => {
    expect(readNumber('0.25', 'x', { kind: 'number' })).toBe(0.25);
    expect(readNumber('1e-3', 'x', { kind: 'number' })).toBe(0.001);
    expect(readNumber('-2', 'x', { kind: 'number' })).toBe(-2);
    expect(readNumber('0', 't', { kind: 'number', min: 0, max: 1 })).toBe(0);
    expect(readNumber('1', 't', { kind: 'number', min: 0, max: 1 })).toBe(1);
  });

  test('empty, blank, non-numeric, infinite, fractional-for-whole and out-of-bounds values are refused by name', () => {
    expect(reason(() => readNumber('', 'seed', seedOption))).toBe('--seed must be a whole number of at least 0, got ""');
    expect(reason(() => readNumber('  ', 'x', { kind: 'number' }))).toBe('--x must be a number, got "  "');
    expect(reason(() => readNumber('abc', 'x', { kind: 'number' }))).toBe('--x must be a number, got "abc"');
    expect(reason(() => readNumber('Infinity', 'x', { kind: 'number' }))).toBe('--x must be a number, got "Infinity"');
    expect(reason(() => readNumber('2.5', 'n', { kind: 'number', whole: true }))).toBe('--n must be a whole number, got "2.5"');
    expect(reason(() => readNumber('-1', 'seed', seedOption))).toBe('--seed must be a whole number of at least 0, got "-1"');
    expect(reason(() => readNumber('1.01', 't', { kind: 'number', min: 0, max: 1 }))).toBe('--t must be a number between 0 and 1, got "1.01"');
    expect(reason(() => readNumber('9', 'k', { kind: 'number', max: 5, note: 'per class' }))).toBe('--k must be a number of at most 5 (per class), got "9"');
  });
});

describe('readOptions', () => {
  const spec = { label: text, score: texts, fast: toggle, seed: seedOption } as const;

  test('absent flags read as undefined, [] and false; present ones typed', () => {
    expect(readOptions('cmd', ['a.csv'], spec)).toEqual({ values: { label: undefined, score: [], fast: false, seed: undefined }, positionals: ['a.csv'] });
    const { values } = readOptions('cmd', ['a.csv', '--label', 'y', '--score', 'p', '--score=q', '--fast', '--seed', '7'], spec);
    expect(values).toEqual({ label: 'y', score: ['p', 'q'], fast: true, seed: 7 });
  });

  test('unknown flags, missing values and extra files are one-line exit-2 errors naming the command', () => {
    expect(reason(() => readOptions('cmd', ['a.csv', '--nope'], spec))).toBe('cmd has no option --nope; run mle-playground cmd --help');
    expect(reason(() => readOptions('cmd', ['a.csv', '--label'], spec))).toMatch(/^Option '--label <value>' argument missing; run mle-playground cmd --help$/);
    expect(reason(() => readOptions('cmd', ['a.csv', '--seed', '-1'], spec))).toMatch(/ambiguous.*\(for a negative number write it as --option=-1\); run mle-playground cmd --help$/);
    expect(reason(() => readOptions('cmd', ['a.csv', 'b.csv'], spec))).toBe('cmd takes 1 file argument; "b.csv" is one too many');
  });
});
