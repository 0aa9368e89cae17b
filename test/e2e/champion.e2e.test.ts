import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openBundle, sha256 } from './bundle-reader.ts';
import { gotoStep, launch, newPage, openPanel, RESULTS, startServer } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;
let url: string;
let zip: Uint8Array;
let bundleId: string;

beforeAll(async () => {
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

async function shot(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: join(RESULTS, `${name}.png`) });
}

describe('the champion', () => {
  test('an exported Titanic bundle, opened and set as champion, is scored on the current test split with no rejects', async () => {
    // "No worse than the champion by δ", declared before training: it fails closed until a champion is set.
    await page.getByLabel('Gate kind', { exact: true }).selectOption('vs-champion');
    await page.getByLabel('Gate metric', { exact: true }).selectOption('roc_auc');
    await page.getByLabel('Gate margin', { exact: true }).fill('0.01');
    await page.getByRole('button', { name: 'Add gate' }).click();
    await expect.poll(() => page.getByTestId('gate-list').locator('li').count()).toBe(1);
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 180_000 });
    await gotoStep(page, 'evaluate');
    const gate = page.getByTestId('gate-verdicts').locator('tbody tr').nth(0);
    await gate.waitFor({ timeout: 30_000 });
    expect(await gate.getByTestId('gate-verdict').textContent()).toBe('FAIL');
    expect(await gate.textContent()).toContain('fails closed: no champion comparison (no champion is set)');
    await gotoStep(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    zip = new Uint8Array(readFileSync((await download.path())!));
    bundleId = openBundle(zip).json<{ bundle_id: string }>('manifest.json').bundle_id;

    await gotoStep(page, 'monitor');

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open bundle' }).click()]);
    await chooser.setFiles({ name: 'champion.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.getByTestId('bundle-viewer').waitFor({ timeout: 60_000 });
    await page.getByTestId('set-champion').click();
    const panel = page.getByTestId('champion');
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('champion-id').textContent()).toBe(bundleId);
    // The bundle was exported from this run, so its contract accepts every test row of the run.
    expect(await panel.getByTestId('champion-summary').textContent()).toMatch(/^Scored (\d+) of \1 test rows of the current run with its own preprocessing and model, at its threshold [\d.]+;\s+0 rejected by its inference contract/);
    expect(await panel.getByTestId('champion-rejects').count()).toBe(0);
    await shot(panel, 'champion-set');
    await gotoStep(page, 'evaluate');
    // With the champion scored on the same rows by the same model, Δroc_auc is 0, above −0.01: the gate passes.
    await expect.poll(() => gate.getByTestId('gate-verdict').textContent(), { timeout: 30_000 }).toBe('pass');
    expect(await gate.textContent()).toContain(`Δroc_auc vs champion ${bundleId}`);
    await shot(page.getByTestId('gate-verdicts'), 'champion-gate');
  });

  test('the champion joins side by side as "champion <bundle id>"; scored by the same model, its paired ΔAUC is 0', async () => {
    await gotoStep(page, 'evaluate');
    await openPanel(page, 'Compare runs');
    await page.getByRole('button', { name: 'Compare runs' }).click();
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 60_000 });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('(baseline)');
    const champion = rows.nth(1);
    expect((await champion.locator('td').nth(0).textContent())?.trim()).toBe(`champion ${bundleId}`);
    // Same rows, same model: the run's scores and the champion's agree to float precision, so every resample's delta is 0.
    const deltas = page.getByTestId('compare-deltas').locator('tbody tr');
    expect(await deltas.count()).toBe(1);
    expect(await deltas.nth(0).locator('td').nth(1).textContent()).toMatch(/^[+-]0\.000 \(-?0\.000–-?0\.000\)$/);
    // Its AUC (with interval) equals the run's.
    expect(await champion.locator('td').nth(2).textContent()).toBe(await rows.nth(0).locator('td').nth(2).textContent());

    // Slices on the same rows: each slice row carries the champion's AUC / recall beside the baseline's (equal here).
    await page.getByLabel('Compare slices by').selectOption('sex');
    await page.getByRole('button', { name: 'Compare runs' }).click();
    const slices = page.getByTestId('compare-slices');
    await slices.waitFor({ timeout: 60_000 });
    const heads = await slices.locator('thead th').allTextContents();
    expect([heads.length, heads[0], heads[1], heads[3], heads[4]]).toEqual([5, 'Slice', 'n', `champion ${bundleId}`, 'Worse than baseline']);
    const sliceRows = slices.locator('tbody tr');
    expect(await sliceRows.count()).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < await sliceRows.count(); i++) {
      const cells = sliceRows.nth(i).locator('td');
      expect(await cells.nth(3).textContent()).toBe(await cells.nth(2).textContent());
    }
    // The table scrolls sideways in its box; let it show whole for the screenshot.
    await table.evaluate((el) => { (el.parentElement as HTMLElement).style.overflow = 'visible'; });
    await page.setViewportSize({ width: 1600, height: 900 });
    await shot(table, 'champion-compare');
    await shot(slices, 'champion-compare-slices');
  });

  test('Roll back downloads the exact bytes that were opened and the ledger records keep-champion with the bundle ID', async () => {
    await gotoStep(page, 'monitor');
    const panel = page.getByTestId('champion');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('roll-back').click()]);
    const shipped = new Uint8Array(readFileSync((await download.path())!));
    expect(shipped.length).toBe(zip.length);
    expect(sha256(shipped)).toBe(sha256(zip));
    expect(Buffer.compare(Buffer.from(shipped), Buffer.from(zip))).toBe(0);
    const done = panel.getByTestId('rollback-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain('ledger entry-1 records “Keep champion”');
    await shot(panel, 'champion-rollback');

    // The entry is in the stored ledger: after a reload the ledger panel lists it and ledger.json carries it.
    await page.goto(`${url}?sample=titanic&backend=wasm`);
    await gotoStep(page, 'export');
    const ledger = page.getByTestId('ledger-panel');
    await expect.poll(() => ledger.locator('summary').first().textContent(), { timeout: 60_000 }).toBe('Observation Ledger (1 entry)');
    const [json] = await Promise.all([page.waitForEvent('download'), ledger.getByRole('button', { name: 'Download ledger.json' }).click()]);
    const entries = (JSON.parse(readFileSync((await json.path())!, 'utf8')) as { entries: { decision: string; champion?: { bundleId: string; action: string; sha256: string } }[] }).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0].decision).toBe('keep-champion');
    expect(entries[0].champion).toEqual({ bundleId, action: 'rollback', sha256: sha256(zip) });
  });
});
