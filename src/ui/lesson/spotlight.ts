/** The attribute the lesson sets on the control it is talking about; the panel's style outlines it. */
export const ACTIVE = 'data-lesson-active';

/** Whether `el` takes up room on screen (not display:none, not inside a closed or hidden ancestor). */
export function isShown(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && el.checkVisibility?.({ visibilityProperty: true }) !== false;
}

/**
 * Finds the lesson target `[data-lesson="<name>"]` and makes it visible where the page lets it: opens the closed
 * `<details>` around it and presses the tab that shows it (a `[role=tab]` controlling its hidden tab panel, or any
 * control marked `data-lesson-opens="<name>"` when the target is not rendered at all). Returns the shown target or null.
 */
export function revealTarget(name: string, doc: Document = document): HTMLElement | null {
  const el = doc.querySelector<HTMLElement>(`[data-lesson="${CSS.escape(name)}"]`);
  if (el && isShown(el)) return el;
  if (el) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (p instanceof HTMLDetailsElement && !p.open) p.open = true;
      if (p.getAttribute('role') === 'tabpanel' && p.id) doc.querySelector<HTMLElement>(`[role="tab"][aria-controls="${CSS.escape(p.id)}"]`)?.click();
    }
    return isShown(el) ? el : null;
  }
  const opener = doc.querySelector<HTMLElement>(`[data-lesson-opens~="${CSS.escape(name)}"]`);
  if (opener && isShown(opener) && opener.getAttribute('aria-selected') !== 'true' && opener.getAttribute('aria-expanded') !== 'true') opener.click();
  return null;
}
