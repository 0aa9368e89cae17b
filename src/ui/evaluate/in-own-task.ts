import type * as PlotModule from '@observablehq/plot';

/** Observable Plot's module. */
export type PlotLib = typeof PlotModule;

let plotModule: Promise<PlotLib> | null = null;

/**
 * Observable Plot, loaded on first use: evaluated with the page's bundle it (and d3) lengthened the task that opens
 * the page; as a chunk of its own it loads when the first chart draws.
 */
export function loadPlot(): Promise<PlotLib> {
  // A chunk that failed to load (a dropped connection to the dev server, a redeploy) is asked again by the next chart.
  plotModule ??= import('@observablehq/plot').catch((e: unknown) => {
    plotModule = null;
    throw e;
  });
  return plotModule;
}

/**
 * Runs `render` with Plot in a task of its own, after the current one (and after Plot has loaded), and answers the
 * effect cleanup (cancels it if not run yet, else runs the cleanup `render` gave). Each chart then costs the main
 * thread one short task instead of all charts adding up in one Svelte flush (over 50 ms at 1M rows). Read reactive
 * inputs before calling this: reads inside `render` are not tracked.
 */
export function inOwnTask(render: (plot: PlotLib) => () => void): () => void {
  let cleanup: (() => void) | null = null;
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  loadPlot().then((plot) => {
    if (!cancelled) timer = setTimeout(() => { cleanup = render(plot); }, 0);
  }, (e: unknown) => console.error('A chart could not load its plotting code:', e));
  return () => {
    cancelled = true;
    clearTimeout(timer);
    cleanup?.();
  };
}
