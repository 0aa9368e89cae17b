/**
 * Calls `onWidth(px)` with `element`'s content-box width (CSS px, rounded) now and whenever it changes by at least
 * `step` px, at most once per animation frame: a chart re-renders at its box's width on a resize or a rotated phone
 * without re-plotting on every pixel of a window drag. Returns the stop.
 */
export function watchWidth(element: Element, onWidth: (px: number) => void, step = 8): () => void {
  let last = -Infinity;
  let frame = 0;
  const observer = new ResizeObserver((entries) => {
    const width = Math.round(entries.at(-1)?.contentRect.width ?? 0);
    if (width <= 0 || Math.abs(width - last) < step) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => { last = width; onWidth(width); });
  });
  observer.observe(element);
  return () => { cancelAnimationFrame(frame); observer.disconnect(); };
}
