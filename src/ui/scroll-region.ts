import type { ActionReturn } from 'svelte/action';

/**
 * Svelte action for a box that scrolls its content (`.scroll`, `overflow: auto`): while the content overflows the
 * box, the box is a keyboard stop (tabindex 0) so arrow keys can scroll it (WCAG 2.1.1); a box that fits adds no stop.
 * `label` (optional) names it as a region for screen readers.
 */
export function scrollRegion(node: HTMLElement, label?: string): ActionReturn<string | undefined> {
  const name = (value: string | undefined): void => {
    if (value) { node.setAttribute('role', 'region'); node.setAttribute('aria-label', value); }
  };
  const update = (): void => {
    const overflows = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    if (overflows) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  };
  name(label);
  const observer = new ResizeObserver(update);
  observer.observe(node);
  // The table inside grows and shrinks (rows added, a column revealed) without the box itself resizing.
  // No first measure here: reading scrollWidth now would force a layout inside the render that made the table (a
  // long task at 1M rows); the observer's first notice, after the browser's own layout, sets the stop.
  for (const child of node.children) observer.observe(child);
  return { update: name, destroy: () => observer.disconnect() };
}
