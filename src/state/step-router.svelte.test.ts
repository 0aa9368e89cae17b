import { describe, expect, it } from 'vitest';
import { StepRouter } from './step-router.svelte.ts';

/** A window with only what the router touches: a settable location hash and hashchange events. */
function fakeWindow(hash: string): Window {
  const win = Object.assign(new EventTarget(), { location: { hash } });
  return win as unknown as Window;
}

function navigate(win: Window, hash: string): void {
  win.location.hash = hash;
  win.dispatchEvent(new Event('hashchange'));
}

describe('StepRouter', () => {
  it('starts on the step of a deep link, or on data', () => {
    expect(new StepRouter(fakeWindow('#/evaluate')).step).toBe('evaluate');
    expect(new StepRouter(fakeWindow('#setup')).step).toBe('contract');
    expect(new StepRouter(fakeWindow('')).step).toBe('data');
    expect(new StepRouter(fakeWindow('#/nowhere')).step).toBe('data');
  });

  it('go writes the hash; Back to the hash-less first entry shows data again; other anchors leave the step alone', () => {
    const win = fakeWindow('');
    const router = new StepRouter(win);
    router.go('train');
    expect(win.location.hash).toBe('#/train');
    expect(router.step).toBe('train');
    navigate(win, '#/contract');
    expect(router.step).toBe('contract');
    navigate(win, '');
    expect(router.step).toBe('data');
    navigate(win, '#/export');
    navigate(win, '#some-heading');
    expect(router.step).toBe('export');
  });
});
