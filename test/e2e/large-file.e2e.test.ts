import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { generateCsv } from '../../bench/generate-csv.ts';
import { gotoStep, launch, newPage, recordLongTasks, screenshot, startServer, takeLongTasks } from './harness.ts';

const ROWS = 150_000;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let path: string;

beforeAll(async () => {
  path = join(tmpdir(), `mle-e2e-${ROWS}.csv`);
  await generateCsv(path, ROWS);
  let url: string;
  ({ server, url } = await startServer());
  browser = await launch();
  ({ page } = await newPage(browser));
  await recordLongTasks(page);
  await page.goto(`${url}?sample=breast_cancer`);
  await page.getByTestId('snapshot-id').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a large CSV streams in by chunks', () => {
  test('cancelling a load keeps the snapshot already on screen', async () => {
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByRole('button', { name: 'Cancel loading' }).click();
    await expect.poll(() => page.getByTestId('load-error').textContent()).toContain('was cancelled');
    expect(await page.getByTestId('snapshot-summary').textContent()).toContain('breast_cancer.csv');
    await page.getByTestId('load-error').getByRole('button', { name: 'Dismiss' }).click();
  });

  test(`${ROWS.toLocaleString('en')} rows × 25 columns load with a progress bar and no long main-thread task`, async () => {
    await takeLongTasks(page);
    const started = Date.now();
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByTestId('load-progress').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Loading progress' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent(), { timeout: 120_000 }).toContain(`${ROWS.toLocaleString('en')} rows × 25 columns`);
    const loadMs = Date.now() - started;
    await gotoStep(page, 'contract');
    await page.getByTestId('roles-table').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('checks-panel').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const longTasks = await takeLongTasks(page);
    console.log(`[timing] ${ROWS} rows: load ${loadMs} ms; to contract checks ${Date.now() - started} ms; long tasks ${JSON.stringify(longTasks.map(Math.round))}`);
    expect(Math.max(0, ...longTasks)).toBeLessThan(200);
    await gotoStep(page, 'data');
    const rows = page.getByTestId('column-table').locator('tbody tr');
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['f0', 'numeric', expect.stringMatching(/^\d/) as unknown as string, expect.stringMatching(/^\d/) as unknown as string]);
    await screenshot(page, 'large-file-loaded');
  });
});
