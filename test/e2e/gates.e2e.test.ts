import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openBundle, sha256, type OpenedBundle } from './bundle-reader.ts';
import { join } from 'node:path';
import { gotoStep, openPanel, RESULTS, screenshot, openApp } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;

interface Manifest { promotable?: boolean; failed_gates?: string[]; files: Record<string, string> }
interface Verdicts { promotable: boolean; failed: string[]; changes: { reason: string }[]; verdicts: { id: string; pass: boolean; evidence: string; observed: { value: number | null } }[] }

async function exportBundle(): Promise<OpenedBundle> {
  await gotoStep(page, 'export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
  return openBundle(new Uint8Array(readFileSync(await download.path())));
}

async function addGate(choose: () => Promise<void>): Promise<void> {
  await choose();
  await page.getByRole('button', { name: 'Add gate' }).click();
}

beforeAll(async () => {
  ({ server, browser, page } = await openApp('?backend=wasm&sample=breast_cancer', { webgpu: false }));
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('promotion gates', () => {
  test('gates declared before training fail closed in the verdict table, and the bundle says promotable: false', async () => {
    // An impossible AUC floor, and a baseline comparison with no baseline run (its metric cannot be computed).
    await addGate(async () => {
      await page.getByLabel('Gate kind', { exact: true }).selectOption('metric');
      await page.getByLabel('Gate value', { exact: true }).fill('1.5');
    });
    await addGate(async () => {
      await page.getByLabel('Gate kind', { exact: true }).selectOption('vs-baseline');
      await page.getByLabel('Gate metric', { exact: true }).selectOption('roc_auc');
    });
    await addGate(async () => { await page.getByLabel('Gate kind', { exact: true }).selectOption('size'); await page.getByLabel('Gate value', { exact: true }).fill('100000'); });
    await expect.poll(() => page.getByTestId('gate-list').locator('li').count()).toBe(3);
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
    await gotoStep(page, 'contract');
    await expect.poll(() => page.getByTestId('gates-locked').count()).toBe(1);

    await gotoStep(page, 'evaluate');
    const table = page.getByTestId('gate-verdicts');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('h3').textContent()).toBe('Promotion gates: 2 of 3 fail');
    const rows = table.locator('tbody tr');
    expect(await rows.nth(0).getAttribute('data-gate')).toBe('metric-roc_auc-1');
    expect(await rows.nth(0).getByTestId('gate-verdict').textContent()).toBe('FAIL');
    // The observed AUC carries its bootstrap interval.
    expect(await rows.nth(0).locator('td').nth(2).textContent()).toMatch(/^0\.9\d{3} \[0\.\d{4}, (0\.\d{4}|1)\]$/);
    expect(await rows.nth(1).getByTestId('gate-verdict').textContent()).toBe('FAIL');
    expect(await rows.nth(1).textContent()).toContain('fails closed: no baseline comparison');
    expect(await rows.nth(2).getByTestId('gate-verdict').textContent()).toBe('pass');
    await openPanel(page, 'Importance');
    await expect.poll(() => page.getByTestId('importance-chart').locator('svg').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('coefficients').locator('tbody tr').count()).toBe(12);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'gates-verdict-fail');
    await table.screenshot({ path: join(RESULTS, 'gates-verdict-table-fail.png') });
    await page.getByTestId('importance').screenshot({ path: join(RESULTS, 'gates-importance.png') });
    await gotoStep(page, 'contract');
    await page.getByTestId('gates-panel').screenshot({ path: join(RESULTS, 'gates-panel-locked.png') });

    const bundle = await exportBundle();
    const manifest = bundle.json<Manifest>('manifest.json');
    expect(manifest.promotable).toBe(false);
    expect(manifest.failed_gates).toEqual(['metric-roc_auc-1', 'vs-baseline-roc_auc-2']);
    expect(manifest.files['gates.json']).toBe(sha256(bundle.files['gates.json']));
    const gates = bundle.json<Verdicts>('gates.json');
    expect(gates.verdicts.map((v) => v.pass)).toEqual([false, false, true]);
    expect(gates.verdicts[1].observed.value).toBeNull();
    const metrics = bundle.json<{ importance: { permutation: { metric: string; columns: unknown[] } } }>('metrics.json');
    expect(metrics.importance.permutation.metric).toBe('roc_auc');
    expect(metrics.importance.permutation.columns).toHaveLength(30);
    expect(await page.getByTestId('export-promotable').textContent()).toContain('Not promotable');
  });

  test('relaxing the gates after the lock needs a reason, is recorded as a change, and makes the bundle promotable', async () => {
    await gotoStep(page, 'contract');
    const value = page.getByLabel('Value of gate metric-roc_auc-1', { exact: true });
    await value.fill('0.9');
    await value.press('Tab');
    await expect.poll(() => page.getByTestId('gates-error').textContent()).toContain('say why you change them');
    // The refused edit puts the locked value back on screen.
    expect(await value.inputValue()).toBe('1.5');
    await page.getByLabel('Reason for changing the gates', { exact: true }).fill('An AUC of 1.5 cannot exist; the floor we meant is 0.9');
    await value.fill('0.9');
    await value.press('Tab');
    await page.getByLabel('Reason for changing the gates', { exact: true }).fill('No baseline run in this iteration; compared next time');
    await page.getByRole('button', { name: 'Remove gate vs-baseline-roc_auc-2' }).click();
    await expect.poll(() => page.getByTestId('gate-changes').locator('summary').textContent()).toBe('2 recorded changes since the lock');
    await gotoStep(page, 'evaluate');
    await expect.poll(() => page.getByTestId('gate-verdicts').locator('h3').textContent()).toBe('Promotion gates: all pass');
    await page.getByTestId('gate-verdicts').scrollIntoViewIfNeeded();
    await screenshot(page, 'gates-verdict-pass');
    await page.getByTestId('gate-verdicts').screenshot({ path: join(RESULTS, 'gates-verdict-table-pass.png') });

    const bundle = await exportBundle();
    const manifest = bundle.json<Manifest>('manifest.json');
    expect(manifest.promotable).toBe(true);
    expect(manifest.failed_gates).toEqual([]);
    const gates = bundle.json<Verdicts>('gates.json');
    expect(gates.changes.map((c) => c.reason)).toEqual(['An AUC of 1.5 cannot exist; the floor we meant is 0.9', 'No baseline run in this iteration; compared next time']);
    // contract.json is the contract the run trained under: the gates as they locked, before the recorded changes.
    const contract = bundle.json<{ gates: { changes: unknown[]; lockedAt: string; spec: { gates: unknown[] } } }>('contract.json');
    expect(contract.gates.spec.gates).toHaveLength(3);
    expect(contract.gates.lockedAt).toBe(bundle.json<{ locked_at: string }>('gates.json').locked_at);
    expect(await page.getByTestId('export-promotable').textContent()).toContain('promotable');

    // The gates, their lock and the change log are part of the stored contract: a reload brings them back.
    await page.reload();
    await gotoStep(page, 'contract');
    await page.getByTestId('gate-list').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('gate-list').locator('li').count()).toBe(2);
    expect(await page.getByTestId('gates-locked').count()).toBe(1);
    expect(await page.getByTestId('gate-changes').locator('summary').textContent()).toBe('2 recorded changes since the lock');
    await gotoStep(page, 'evaluate');
    await page.getByTestId('gate-verdicts').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('gate-verdicts').locator('h3').textContent()).toBe('Promotion gates: all pass');
  });
});
