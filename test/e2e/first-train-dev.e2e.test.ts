import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { gotoStep, launch, newPage, screenshot } from './harness.ts';

// A fresh clone: the dev server (what `npm start` runs) with an empty dependency cache. If Vite discovers a
// dependency only when a worker first loads, it re-optimises and reloads the page, and the first run is lost.
let server: ViteDevServer;
let browser: Browser;
let page: Page;
let cacheDir: string;
const logged: string[] = [];
let navigations = 0;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'mle-vite-cache-'));
  const logger = createLogger('info');
  const keep = (msg: string) => { logged.push(msg); };
  const customLogger = { ...logger, info: keep, warn: keep, warnOnce: keep, error: keep };
  server = await createServer({ cacheDir, customLogger, server: { host: '127.0.0.1', port: 0, strictPort: false } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server did not report a URL');
  browser = await launch({ webgpu: false });
  ({ page } = await newPage(browser));
  // Document loads only: moving between steps changes the hash, which Playwright also reports as a frame navigation.
  page.on('load', () => { navigations++; });
  await page.goto(`${url}?sample=titanic`);
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor({ timeout: 180_000 });
  // Survives only as long as this document: a reload wipes it.
  await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the first run on a fresh dev server', () => {
  test('loads the Titanic sample and trains without Vite reloading the page', async () => {
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // Either the run lands in the runs table, or the page reloads under it (then the run never lands): stop at either.
    const rows = () => page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0);
    await expect.poll(async () => (navigations > 1 ? -1 : await rows()), { timeout: 180_000 }).not.toBe(0);
    await screenshot(page, 'first-train-dev');
    expect(logged.filter((m) => /reloading|optimized dependencies changed/i.test(m))).toEqual([]);
    expect(await rows()).toBe(1);
    expect(await page.getByTestId('runs-table').locator('tbody tr').first().textContent()).toMatch(/Logistic regression/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(navigations).toBe(1);
  });
});
