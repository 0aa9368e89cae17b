/**
 * Runs `render` in a task of its own, after the current one, and answers the effect cleanup (cancels it if not run
 * yet, else runs the cleanup `render` gave). Each report chart then costs the main thread one short task instead of
 * all charts adding up in one Svelte flush (over 50 ms at 1M rows). Read reactive inputs before calling this: reads
 * inside `render` are not tracked.
 */
export function inOwnTask(render: () => () => void): () => void {
  let cleanup: (() => void) | null = null;
  const timer = setTimeout(() => { cleanup = render(); }, 0);
  return () => {
    clearTimeout(timer);
    cleanup?.();
  };
}
