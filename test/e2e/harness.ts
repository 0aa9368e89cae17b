import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = join(process.cwd(), 'test-results');

const BASE_FLAGS = [
  '--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Serves the production build (dist/) on 127.0.0.1 with the same COOP/COEP headers as the dev server. */
export async function startServer(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { server, url };
}

/** Launches Chromium with the flags listed in docs/architecture.md (Testing); `webgpu: false` leaves out --enable-unsafe-webgpu. */
export async function launch(options: { webgpu?: boolean } = {}): Promise<Browser> {
  // Playwright refuses --user-data-dir here; it gives every launch a fresh temporary profile itself.
  const args = [...BASE_FLAGS];
  if (options.webgpu !== false) args.push('--enable-unsafe-webgpu');
  return chromium.launch({ executablePath: CHROMIUM, args, headless: true });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

/** Starts recording every main-thread task over 50 ms (Long Tasks API) on each page load. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
}

/** Durations (ms) of the long tasks recorded since the last call, which also clears them. */
export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const tasks = w.__longTasks;
    w.__longTasks = [];
    return tasks;
  });
}

/** Shows one step view through its deep link (`#/evaluate`) and waits until that step's section is on screen. */
export async function gotoStep(page: Page, step: 'data' | 'contract' | 'train' | 'evaluate' | 'export' | 'monitor'): Promise<void> {
  await page.evaluate((s) => { location.hash = `#/${s}`; }, step);
  await page.locator(`[data-step="${step}"]`).first().waitFor({ state: 'visible' });
}

/** Opens one of the Evaluate step's secondary panels (Curves, Slices, Errors, Compare runs, …) by its tab. */
export async function openPanel(page: Page, tab: string): Promise<void> {
  const button = page.getByRole('tablist', { name: 'More about this evaluation' }).getByRole('tab', { name: tab, exact: true });
  await button.click();
  await page.locator(`#${(await button.getAttribute('aria-controls')) ?? ''}`).waitFor({ state: 'visible' });
}

/** Starts the preview server and Chromium and opens the app at `query` (e.g. `?sample=titanic&backend=wasm`). */
export async function openApp(query: string, options: { webgpu?: boolean } = {}): Promise<{ server: PreviewServer; browser: Browser; page: Page; url: string }> {
  const { server, url } = await startServer();
  const browser = await launch(options);
  const { page } = await newPage(browser);
  await page.goto(`${url}${query}`);
  return { server, browser, page, url };
}
