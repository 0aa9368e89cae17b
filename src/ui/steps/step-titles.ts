import type { StepId } from '../../state/step-router.svelte.ts';

/** The name of each step as the nav, the skip link and the "Next:" links print it. */
export const STEP_TITLES: Record<StepId, string> = {
  data: 'Data', contract: 'Contract & split', train: 'Train', evaluate: 'Evaluate', export: 'Compact & export', monitor: 'Monitor',
};

// The control a step is for, when the step does not mark one with data-main-control (Evaluate's is its slider).
const FALLBACK: Partial<Record<StepId, string>> = { evaluate: 'input[type="range"]' };

const usable = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0;

/**
 * Moves keyboard focus into the step on screen: its main control (marked `data-main-control`) when that is enabled,
 * else the step's heading, so the next Tab lands somewhere useful. Returns the element focused, or null.
 */
export function focusStep(step: StepId, doc: Document = document): HTMLElement | null {
  const section = doc.querySelector(`[data-step="${step}"]`);
  if (!section) return null;
  const candidates = [...section.querySelectorAll('[data-main-control]'), ...(FALLBACK[step] ? section.querySelectorAll(FALLBACK[step]) : [])];
  let target: HTMLElement | null = candidates.find(usable) ?? null;
  if (!target) {
    const heading = section.querySelector('h2');
    if (!(heading instanceof HTMLElement)) return null;
    // Headings are not focusable by Tab; -1 lets script focus them without adding a tab stop.
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    target = heading;
  }
  target.focus();
  return target;
}
