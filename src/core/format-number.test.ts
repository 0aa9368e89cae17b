import { describe, expect, it } from 'vitest';
import { formatNumber, formatThreshold } from './format-number.ts';

describe('formatNumber', () => {
  it('keeps at most 4 significant digits and drops trailing zeros', () => {
    expect([formatNumber(0.05618898198008537), formatNumber(0.5), formatNumber(0.123449), formatNumber(12.34567), formatNumber(0.99995)])
      .toEqual(['0.05619', '0.5', '0.1234', '12.35', '1']);
  });

  it('prints whole numbers whole and tiny or huge ones in scientific notation', () => {
    expect([formatNumber(0), formatNumber(1), formatNumber(42), formatNumber(1.234567e-7), formatNumber(2e-5), formatNumber(1234567.8)])
      .toEqual(['0', '1', '42', '1.235e-7', '2e-5', '1.235e6']);
  });

  it('honours a smaller digit count', () => {
    expect([formatNumber(0.05618898198008537, 3), formatNumber(3.14159, 3)]).toEqual(['0.0562', '3.14']);
  });

  it('names the non-finite values', () => {
    expect([formatNumber(Infinity), formatNumber(-Infinity), formatNumber(NaN)]).toEqual(['∞', '−∞', 'undefined']);
  });
});

describe('formatThreshold', () => {
  it('reads a chosen threshold with 4 significant digits, whatever its float tail', () => {
    for (const t of [0.05618898198008537, 0.3333333333333333, 0.7071067811865476, 0.000123456]) {
      const text = formatThreshold(t);
      expect(text.replace(/e.*$/, '').replace(/^[0.]+/, '').replace('.', '').length).toBeLessThanOrEqual(4);
      expect(Math.abs(Number(text) - t) / t).toBeLessThan(5e-4);
    }
    expect(formatThreshold(0.05618898198008537)).toBe('0.05619');
  });
});
