import { describe, expect, test } from 'vitest';
import { epochEta } from './epoch-eta.ts';

describe('epochEta', () => {
  test('no estimate before two epochs after the first have been measured, nor without a known epoch count', () => {
    expect(epochEta(1, 100, 9000, 9000)).toBeNull();
    expect(epochEta(2, 100, 9000, 9100)).toBeNull();
    expect(epochEta(5, null, 9000, 9400)).toBeNull();
    expect(epochEta(5, 100, null, 9400)).toBeNull();
  });

  test('a slow first epoch (start-up) does not set the pace: 9 s first epoch, then 100 ms each', () => {
    // Elapsed 9000 ms at the end of epoch 1, 9200 ms at the end of epoch 3: 100 ms per epoch, 97 epochs left.
    expect(epochEta(3, 100, 9000, 9200)).toBeCloseTo(9700, 9);
    // The old estimate (elapsed / epoch × left) would have said 9200 / 3 × 97 ≈ 297 s.
    expect(epochEta(100, 100, 9000, 18900)).toBe(0);
  });
});
