/** The attribute the lesson sets on the control it is talking about; the panel's style outlines it. */
export const ACTIVE = 'data-lesson-active';

/** Whether `el` takes up room on screen (not display:none, not inside a closed or hidden ancestor). */
export function isShown(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && el.checkVisibility?.({ visibilityProperty: true }) !== false;
}

const isTab = (el: HTMLElement): boolean => el.getAttribute('role') === 'tab';
const isOpen = (el: HTMLElement): boolean => el.getAttribute('aria-selected') === 'true' || el.getAttribute('aria-expanded') === 'true';

/**
 * Finds the lesson target `[data-lesson="<name>"]` and makes it visible where the page lets it: opens the closed
 * `<details>` around it and presses the `[role=tab]` that controls its hidden tab panel. A tab may carry the same
 * name (it is where to click, not the control itself); it, or a control marked `data-lesson-opens="<name>"`, is
 * pressed when the target is not rendered at all. Returns the shown target, or null while there is none.
 */
export function revealTarget(name: string, doc: Document = document): HTMLElement | null {
  const all = [...doc.querySelectorAll<HTMLElement>(`[data-lesson="${CSS.escape(name)}"]`)];
  const targets = all.filter((el) => !isTab(el));
  const shown = targets.find(isShown);
  if (shown) return shown;
  for (const el of targets) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (p instanceof HTMLDetailsElement && !p.open) p.open = true;
      if (p.getAttribute('role') === 'tabpanel' && p.id) doc.querySelector<HTMLElement>(`[role="tab"][aria-controls="${CSS.escape(p.id)}"]`)?.click();
    }
  }
  const revealed = targets.find(isShown);
  if (revealed) return revealed;
  const opener = all.find((el) => isTab(el) && isShown(el)) ?? doc.querySelector<HTMLElement>(`[data-lesson-opens~="${CSS.escape(name)}"]`);
  if (opener && isShown(opener) && !isOpen(opener)) opener.click();
  return null;
}
