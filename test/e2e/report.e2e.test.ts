import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { formatThreshold } from '../../src/core/format-number.ts';
import { openBundle, type OpenedBundle } from './bundle-reader.ts';
import { gotoStep, launch, newPage, screenshot, startServer } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;
let bundle: OpenedBundle;
let reportPath: string;

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startServer());
  browser = await launch({ webgpu: false });
  ({ page } = await newPage(browser));
  await page.goto(`${url}?sample=titanic&backend=wasm`);
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens report.html from disk in a fresh context where every request that is not file:// is aborted, and records them all. */
async function openOffline(options: { width: number; colorScheme: 'light' | 'dark' }): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.colorScheme });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    requests.push(target);
    return target.startsWith('file://') ? route.continue() : route.abort();
  });
  const offline = await context.newPage();
  const errors: string[] = [];
  offline.on('pageerror', (e) => errors.push(e.message));
  await offline.goto(`file://${reportPath}`);
  expect(errors).toEqual([]);
  return { page: offline, requests, close: () => context.close() };
}

describe('report.html from an exported Titanic bundle', () => {
  test('the app exports a format-2 bundle with report.html, model-card.md, environment.json and, when asked, parity.json', async () => {
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 180_000 });
    await gotoStep(page, 'export');
    await page.getByLabel('Include').check();
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const zipFile = await download.path();
    console.log(`[timing] Titanic LR export (click to download): ${Date.now() - started} ms; bundle ${statSync(zipFile).size} bytes`);
    bundle = openBundle(new Uint8Array(readFileSync(zipFile)));
    const manifest = bundle.json<{ format: number; files: Record<string, string>; backend: string }>('manifest.json');
    expect(manifest.format).toBe(2);
    expect(manifest.backend).toBe('wasm');
    for (const path of ['report.html', 'model-card.md', 'environment.json', 'parity.json']) expect(Object.keys(manifest.files)).toContain(path);
    expect(bundle.json<{ rows: unknown[] }>('parity.json').rows).toHaveLength(10);
    console.log(`[size] report.html ${bundle.files['report.html'].length} bytes`);
    reportPath = join(mkdtempSync(join(tmpdir(), 'mle-report-')), 'report.html');
    writeFileSync(reportPath, bundle.files['report.html']);
  });

  test('opened from disk with the network blocked at 1280 px (light), its numbers equal metrics.json and it requests nothing else', async () => {
    const metrics = bundle.json<Record<string, number | null>>('metrics.json');
    const { page: report, requests, close } = await openOffline({ width: 1280, colorScheme: 'light' });
    const tagged = await report.locator('[data-metric]').evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-metric') ?? '', value: e.getAttribute('data-value'), text: e.textContent ?? '' })));
    expect(tagged.length).toBeGreaterThanOrEqual(18);
    // Importance tags are `<kind>:<percent-encoded name>` and match metrics.json `importance`.
    const importance = bundle.json<{ importance: { permutation: { columns: { column: string; mean: number | null; lo: number | null; hi: number | null }[] }; coefficients: { name: string; standardised: number }[] } }>('metrics.json').importance;
    const expectedTags = new Map<string, number | null>([
      ...importance.permutation.columns.flatMap((c) => [[`importance:${c.column}`, c.mean], [`importance_lo:${c.column}`, c.lo], [`importance_hi:${c.column}`, c.hi]] as const),
      ...importance.coefficients.map((c) => [`coefficient:${c.name}`, c.standardised] as const),
    ]);
    const importanceTags = tagged.filter((t) => t.key.includes(':'));
    expect(importanceTags.length).toBeGreaterThanOrEqual(3 * importance.permutation.columns.length);
    for (const { key, value } of importanceTags) {
      const [kind, name] = [key.slice(0, key.indexOf(':')), decodeURIComponent(key.slice(key.indexOf(':') + 1))];
      expect(value === 'null' ? null : Number(value), key).toBe(expectedTags.get(`${kind}:${name}`));
    }
    for (const { key, value, text } of tagged.filter((t) => !t.key.includes(':'))) {
      const expected = metrics[key];
      expect(value === 'null' ? null : Number(value), key).toBe(expected);
      // The threshold reads with 4 significant digits (full value in data-value and the title), the metrics to 4 places.
      expect(text, key).toBe(expected === null ? 'undefined' : key === 'threshold' ? formatThreshold(expected) : Number.isInteger(expected) ? String(expected) : expected.toFixed(4));
    }
    expect(await report.locator('[data-metric="roc_auc"]').first().textContent()).toBe(metrics.roc_auc!.toFixed(4));
    expect(await report.locator('script').count()).toBe(0);
    expect(await report.locator('svg').count()).toBeGreaterThanOrEqual(4);
    expect(await report.locator('#gates').textContent()).toContain('Not available: no gates were declared');
    expect(await report.locator('#importance svg .whisker').count()).toBe(importance.permutation.columns.slice(0, 20).filter((c) => c.lo !== null).length);
    expect(requests.every((r) => r.startsWith('file://'))).toBe(true);
    await screenshot(report, 'report-1280-light');
    await report.emulateMedia({ media: 'print' });
    await screenshot(report, 'report-print');
    await close();
  });

  test('at 390 px in dark mode it fits the width and follows the colour scheme', async () => {
    const { page: report, requests, close } = await openOffline({ width: 390, colorScheme: 'dark' });
    const { scrollWidth, background } = await report.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, background: getComputedStyle(document.body).backgroundColor }));
    expect(scrollWidth).toBeLessThanOrEqual(390);
    expect(background).toBe('rgb(13, 17, 23)');
    expect(requests.every((r) => r.startsWith('file://'))).toBe(true);
    await screenshot(report, 'report-390-dark');
    await close();
  });
});
