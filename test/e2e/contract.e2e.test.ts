import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openBundle } from './bundle-reader.ts';
import { gotoStep, launch, newPage, screenshot, startServer } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;
let url: string;

const role = (column: string) => page.getByLabel(`Role of ${column}`, { exact: true });

async function loadTitanic(): Promise<void> {
  await gotoStep(page, 'data');
  await page.getByRole('button', { name: /Try a sample: Titanic/ }).click();
  // Wait for Titanic's own contract: the previous snapshot's roles table may still be on screen for a moment.
  await expect.poll(() => page.getByTestId('snapshot-summary').textContent()).toContain('titanic.csv');
  await gotoStep(page, 'contract');
  await page.locator('[data-testid="roles-table"] tr[data-column="home.dest"]').waitFor();
  await expect.poll(() => page.getByTestId('checks-panel').getAttribute('aria-busy')).toBe('false');
}

beforeAll(async () => {
  ({ server, url } = await startServer());
  browser = await launch();
  ({ page } = await newPage(browser));
  await page.goto(url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('data contract on Titanic', () => {
  test('suggests PII roles from headers and values, and shows validation and leakage before training', async () => {
    await loadTitanic();
    expect(await role('name').inputValue()).toBe('pii');
    expect(await role('home.dest').inputValue()).toBe('pii');
    expect(await role('sex').inputValue()).toBe('feature');
    const roles = page.getByTestId('roles-table');
    expect(await roles.locator('tr[data-column="name"]').textContent()).toMatch(/person/i);
    const panel = page.getByTestId('checks-panel');
    expect(await panel.textContent()).toMatch(/checks passed/);
    const boat = panel.locator('[data-finding="leak:single-feature:boat"]');
    expect(await boat.textContent()).toMatch(/warn.*boat.*AUC 0\.9\d/is);
    // PII values never reach the preview once the contract marks the column.
    await gotoStep(page, 'data');
    expect(await page.getByTestId('row-preview').textContent()).not.toContain('Allen, Miss. Elisabeth Walton');
    await gotoStep(page, 'contract');
    await screenshot(page, 'contract-titanic-suggested');
  });

  test('edits persist in IndexedDB: after a reload the workspace returns with its roles, rules and dismissals', async () => {
    const revision = async () => Number((await page.getByTestId('contract-version').textContent())?.match(/revision (\d+)/)?.[1]);
    const before = await revision();
    await role('boat').selectOption('ignore');
    await role('body').selectOption('ignore');
    await role('ticket').selectOption('pii');
    const duplicates = page.locator('[data-finding="leak:duplicate-rows"]');
    await duplicates.getByRole('textbox').fill('Families travelling together share tickets and fares; they are different people.');
    await duplicates.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Rules for age' }).click();
    await page.getByLabel('Max of age', { exact: true }).fill('60');
    await page.getByLabel('Max of age', { exact: true }).press('Enter');
    await page.getByLabel('Max of age', { exact: true }).blur();
    const range = page.locator('[data-finding="validate:range:age"]');
    await expect.poll(() => range.textContent()).toMatch(/warn/i);
    expect(await range.textContent()).toMatch(/above 60|> ?60|60/);
    await expect.poll(revision).toBe(before + 5);
    await expect.poll(() => page.locator('[data-finding="leak:single-feature:boat"]').count()).toBe(0);
    await screenshot(page, 'contract-titanic-edited');

    await page.reload();
    // The workspace comes back by itself: the file from IndexedDB, its contract by snapshot ID.
    await gotoStep(page, 'data');
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent(), { timeout: 30_000 }).toContain('titanic.csv');
    await gotoStep(page, 'contract');
    await page.getByTestId('roles-table').waitFor();
    await expect.poll(() => page.getByTestId('checks-panel').getAttribute('aria-busy')).toBe('false');
    expect(await page.getByTestId('contract-version').textContent()).toContain('restored from this browser');
    expect(await revision()).toBe(before + 5);
    expect(await page.locator('[data-finding="validate:range:age"]').textContent()).toMatch(/warn/i);
    expect(await role('boat').inputValue()).toBe('ignore');
    expect(await role('body').inputValue()).toBe('ignore');
    expect(await role('ticket').inputValue()).toBe('pii');
    expect(await page.locator('[data-finding="leak:duplicate-rows"]').textContent()).toContain('Dismissed: "Families travelling together');
    await screenshot(page, 'contract-titanic-restored');
  });

  test('a model trained under the contract exports no value of any PII column', async () => {
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
    await gotoStep(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const bundle = openBundle(new Uint8Array(readFileSync(await download.path())));
    const text = Object.values(bundle.files).map((b) => new TextDecoder().decode(b)).join('\n');
    for (const value of ['Allen, Miss. Elisabeth Walton', 'St Louis, MO', 'PC 17609', '113781']) expect(text.includes(value), value).toBe(false);
    const contract = bundle.json<{ features: string[]; roles: Record<string, string>; dismissed: { findingId: string }[] }>('contract.json');
    expect(contract.features).toEqual(['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'cabin', 'embarked']);
    expect(contract.roles.ticket).toBe('pii');
    expect(contract.dismissed.map((d) => d.findingId)).toEqual(['leak:duplicate-rows']);
    const pre = bundle.json<{ steps: { column: string }[] }>('preprocessing.json');
    expect(pre.steps.map((s) => s.column)).toEqual(contract.features);
  });
});

describe('loading the same file again', () => {
  test('switching to another file and back restores the first file\'s contract by snapshot ID', async () => {
    await gotoStep(page, 'data');
    await page.getByRole('button', { name: /Try a sample: Breast cancer/ }).click();
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent()).toContain('breast_cancer.csv');
    await loadTitanic();
    expect(await page.getByTestId('contract-version').textContent()).toContain('restored from this browser');
    expect(await role('ticket').inputValue()).toBe('pii');
  });
});
