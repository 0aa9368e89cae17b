import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, screenshot, openApp } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;

async function train(): Promise<void> {
  const before = await page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0), { timeout: 180_000 }).toBe(before + 1);
}

beforeAll(async () => {
  ({ server, browser, page } = await openApp('?sample=titanic'));
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
  await gotoStep(page, 'train');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('runs on Titanic', () => {
  test('a logistic-regression baseline and an MLP candidate are listed side by side, and survive a reload', async () => {
    await train();
    await page.getByLabel('Model', { exact: true }).selectOption('mlp');
    await page.getByLabel('Epochs').fill('40');
    await train();
    const rows = page.getByTestId('runs-table').locator('tbody tr');
    expect(await rows.nth(0).textContent()).toMatch(/Logistic regression/);
    expect(await rows.nth(1).textContent()).toMatch(/MLP 32×32 relu/);
    for (const i of [0, 1]) expect(await rows.nth(i).locator('td').nth(6).textContent()).toMatch(/^0\.[6-9]\d{3}$/);
    await screenshot(page, 'runs-two');

    await page.reload();
    await page.getByTestId('runs-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('runs-table').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('runs-table').locator('tbody tr').nth(1).textContent()).toMatch(/MLP/);
    // The restored MLP run is selected and evaluable without retraining.
    await gotoStep(page, 'evaluate');
    expect(await page.getByTestId('roc-auc').textContent()).toMatch(/^0\.\d{4}$/);
    await screenshot(page, 'runs-after-reload');
  });

  test('a run can be deleted, and stays deleted after a reload', async () => {
    await gotoStep(page, 'train');
    const first = page.getByTestId('runs-table').locator('tbody tr').first();
    await first.getByRole('button', { name: /Delete run/ }).click();
    await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count()).toBe(1);
    await page.reload();
    await page.getByTestId('runs-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('runs-table').locator('tbody tr').count()).toBe(1);
  });
});
