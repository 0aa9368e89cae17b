import { describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import { parseNumber } from '../data/column-builder.ts';
import { fastDecimal } from './row-encoder.ts';

const read = (s: string) => fastDecimal(s, 0, s.length);

describe('fastDecimal', () => {
  test('agrees bit for bit with the app parser on 100,000 random decimals of up to 15 digits', () => {
    const random = createRandom(5);
    for (let i = 0; i < 100_000; i++) {
      const intDigits = random.nextInt(9);
      const fracDigits = random.nextInt(16 - Math.max(intDigits, 1));
      let s = random.next() < 0.3 ? '-' : '';
      s += intDigits ? String(random.nextInt(10 ** intDigits)) : '0';
      if (fracDigits) s += `.${String(random.nextInt(10 ** Math.min(fracDigits, 9))).padStart(Math.min(fracDigits, 9), '0')}`;
      expect(Object.is(read(s), parseNumber(s))).toBe(true);
    }
  });

  test('named cases: signs, a bare point, leading and trailing points', () => {
    expect(read('+5')).toBe(5);
    expect(Object.is(read('-0'), -0)).toBe(true);
    expect(read('5.')).toBe(5);
    expect(read('.5')).toBe(0.5);
    expect(read('007.250')).toBe(7.25);
    expect(read('0.1')).toBe(0.1);
    expect(read('211.3375')).toBe(211.3375);
  });

  test('anything else is NaN, so the text parser decides: exponents, spaces, words, empty, 16+ digits, two points', () => {
    for (const s of ['1e5', ' 1', '1 ', 'abc', '', '-', '.', '1234567890123456', '1.2.3', '0x1F', 'NaN', '1,5']) expect(read(s)).toBeNaN();
  });
});
