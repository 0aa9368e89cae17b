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

/** Titanic with lifeboat_status, a copy of survived, appended as the last column (the planted leak). */
function titanicWithCopy(): Buffer {
  const lines = readFileSync(new URL('../../public/samples/titanic.csv', import.meta.url), 'utf8').trimEnd().split('\n');
  const at = lines[0].split(',').indexOf('survived');
  const out = [`${lines[0]},lifeboat_status`, ...lines.slice(1).map((l) => `${l},${l.split(',')[at] === '1' ? 'rescued' : 'lost'}`)];
  return Buffer.from(`${out.join('\n')}\n`);
}

const trainButton = () => page.getByRole('button', { name: 'Train', exact: true });
const setupBadge = () => page.locator('nav[aria-label="Steps"] a[href="#/contract"] .badge');
const finding = () => page.locator('[data-finding="leak:single-feature:lifeboat_status"]');
const settled = () => expect.poll(() => page.getByTestId('checks-panel').getAttribute('aria-busy')).toBe('false');

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

describe('leakage that gates', () => {
  test('an open FAIL blocks Train and the step nav says "needs attention"', async () => {
    await page.locator('input[type=file]').setInputFiles({ name: 'titanic-copy.csv', mimeType: 'text/csv', buffer: titanicWithCopy() });
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent()).toContain('titanic-copy.csv');
    await gotoStep(page, 'contract');
    await page.locator('[data-testid="roles-table"] tr[data-column="lifeboat_status"]').waitFor();
    await settled();
    await expect.poll(() => finding().textContent()).toMatch(/fail.*lifeboat_status.*nearly predicts the label/is);
    await gotoStep(page, 'train');
    expect(await trainButton().isDisabled()).toBe(true);
    await gotoStep(page, 'contract');
    expect(await page.getByTestId('contract-problem').textContent()).toContain('Leakage check failed for "lifeboat_status"');
    expect(await setupBadge().textContent()).toBe('needs attention');
    await screenshot(page, 'leakage-gate-blocked');
  });

  test('one-click "Set role to ignore" unblocks it', async () => {
    await finding().getByRole('button', { name: 'Set role of lifeboat_status to ignore' }).click();
    await settled();
    await expect.poll(() => finding().count()).toBe(0);
    expect(await page.getByLabel('Role of lifeboat_status', { exact: true }).inputValue()).toBe('ignore');
    await gotoStep(page, 'train');
    await expect.poll(() => trainButton().isEnabled()).toBe(true);
    await gotoStep(page, 'contract');
    // boat and body still warn: the step keeps asking for attention until they are handled.
    expect(await setupBadge().textContent()).toBe('needs attention');
    await screenshot(page, 'leakage-gate-ignored');
  });

  test('a dismissal with a reason lets Train run and reaches findings.json in the bundle', async () => {
    await page.getByLabel('Role of lifeboat_status', { exact: true }).selectOption('feature');
    await settled();
    await gotoStep(page, 'train');
    await expect.poll(() => trainButton().isDisabled()).toBe(true);
    await gotoStep(page, 'contract');
    await finding().getByRole('textbox').fill('Planted copy kept on purpose for this drill.');
    await finding().getByRole('button', { name: 'Dismiss' }).click();
    await settled();
    await gotoStep(page, 'train');
    await expect.poll(() => trainButton().isEnabled()).toBe(true);
    await trainButton().click();
    await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
    await gotoStep(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const bundle = openBundle(new Uint8Array(readFileSync(await download.path())));
    const file = bundle.json<{ open_fail: number; findings: { id: string; state: string; status: string; evidence?: string; dismissal?: { reason: string } }[] }>('findings.json');
    const copy = file.findings.find((f) => f.id === 'leak:single-feature:lifeboat_status');
    expect(copy).toMatchObject({ state: 'dismissed', status: 'fail', dismissal: { reason: 'Planted copy kept on purpose for this drill.' } });
    expect(copy?.evidence).toMatch(/AUC 1\.000/);
    expect(file.findings.find((f) => f.id === 'leak:single-feature:boat')?.state).toBe('open');
    expect(file.open_fail).toBe(0);
    const manifest = bundle.json<{ files: Record<string, string> }>('manifest.json');
    expect(Object.keys(manifest.files)).toContain('findings.json');
    await screenshot(page, 'leakage-gate-exported');
  });
});

describe('defaults a newcomer can trust', () => {
  test('no label-like column: the Contract step asks, nothing runs, and a class missing from a split is named before training', async () => {
    const seattle = readFileSync(new URL('../data/seattle-weather.csv', import.meta.url));
    await gotoStep(page, 'data');
    await page.locator('input[type=file]').setInputFiles({ name: 'seattle-weather.csv', mimeType: 'text/csv', buffer: seattle });
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent()).toContain('seattle-weather.csv');
    await gotoStep(page, 'contract');
    await page.locator('[data-testid="roles-table"] tr[data-column="weather"]').waitFor();
    expect(await page.getByLabel('Label column', { exact: true }).inputValue()).toBe('');
    expect(await page.getByTestId('contract-problem').textContent()).toContain('Choose the label column');
    expect(await page.getByTestId('checks-wait-label').isVisible()).toBe(true);
    await gotoStep(page, 'train');
    expect(await trainButton().isDisabled()).toBe(true);
    await gotoStep(page, 'contract');
    expect(await setupBadge().textContent()).toBe('needs attention');
    await screenshot(page, 'defaults-seattle-asks-label');

    await page.getByLabel('Label column', { exact: true }).selectOption('weather');
    await settled();
    // snow (26 rows) has the support to be the positive class, and the time split leaves it out of the test rows.
    expect(await page.getByLabel('Positive class', { exact: true }).inputValue()).toBe('snow');
    await expect.poll(() => page.locator('#setup').textContent()).toContain('Class "snow" has no rows in the test split');
    await gotoStep(page, 'train');
    await expect.poll(() => trainButton().isEnabled()).toBe(true);
    await gotoStep(page, 'contract');
    await screenshot(page, 'defaults-seattle-labelled');
  });
});

describe('honest data', () => {
  test('breast cancer: eight strong signals need one click, no typed reason, and then the step is ready', async () => {
    await gotoStep(page, 'data');
    await page.getByRole('button', { name: /Try a sample: Breast cancer/ }).click();
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent()).toContain('breast_cancer.csv');
    await gotoStep(page, 'contract');
    await page.locator('[data-testid="roles-table"] tr[data-column="worst area"]').waitFor();
    await settled();
    const leakage = page.getByTestId('leakage-findings');
    await expect.poll(() => leakage.locator('.finding.warn').count()).toBe(8);
    expect(await leakage.locator('.finding.fail').count()).toBe(0);
    expect(await setupBadge().textContent()).toBe('needs attention');
    await gotoStep(page, 'train');
    expect(await trainButton().isEnabled()).toBe(true);
    await gotoStep(page, 'contract');
    await page.getByRole('button', { name: 'All 8 known at prediction time' }).click();
    await settled();
    await expect.poll(() => setupBadge().textContent()).toBe('ready');
    expect(await leakage.locator('.finding.dismissed').count()).toBe(8);
    await screenshot(page, 'honest-breast-cancer-confirmed');
  });
});
