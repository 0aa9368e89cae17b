import { describe, expect, it } from 'vitest';
import { stepFromHash } from './step-router.svelte.ts';

describe('stepFromHash', () => {
  it('reads #/step, #step and the old #setup anchor', () => {
    expect(stepFromHash('#/train')).toBe('train');
    expect(stepFromHash('#evaluate')).toBe('evaluate');
    expect(stepFromHash('#/setup')).toBe('contract');
    expect(stepFromHash('#/monitor/extra')).toBe('monitor');
  });
  it('returns null for an empty or unknown hash', () => {
    expect(stepFromHash('')).toBeNull();
    expect(stepFromHash('#/nowhere')).toBeNull();
  });
});
