import { readFileSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { join } from 'node:path';
import { gotoStep, RESULTS, screenshot, openApp } from './harness.ts';
import { openBundle, sha256 } from './bundle-reader.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;

async function train(): Promise<void> {
  await gotoStep(page, 'train');
  const before = await page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0), { timeout: 180_000 }).toBe(before + 1);
}

beforeAll(async () => {
  ({ server, browser, page } = await openApp('?sample=titanic'));
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface LedgerFile {
  format: number;
  entries: { id: string; decision: string; reason: string; runs: { role: string; model: string; configHash: string }[]; metrics: { metric: string; delta: number | null; ci: { lo: number; hi: number } | null }[]; errors: { fp: number; fn: number }[] }[];
}

describe('Observation Ledger on Titanic', () => {
  test('LR then MLP: the prefilled entry compares them, the decision is committed, and the bundle carries ledger.json', async () => {
    await train();
    await page.getByLabel('Model', { exact: true }).selectOption('mlp');
    await page.getByLabel('Epochs').fill('40');
    await train();

    await gotoStep(page, 'export');
    const panel = page.getByTestId('ledger-panel');
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.textContent()).toMatch(/Baseline logistic-[0-9a-f]{8}-\w+, candidate mlp-[0-9a-f]{8}-\w+\./);
    await page.getByTestId('ledger-new').click();
    const draft = page.getByTestId('ledger-draft');
    await draft.waitFor();
    const auc = draft.getByTestId('ledger-metrics').locator('tr', { hasText: 'roc_auc' });
    expect(await auc.textContent()).toMatch(/roc_auc0\.\d{3}0\.\d{3}[+-]\d\.\d{3}[+-]\d\.\d{3} to [+-]\d\.\d{3}/);
    expect(await draft.getByTestId('ledger-errors').textContent()).toMatch(/^logistic-\S+: \d+ false positives, \d+ false negatives at 0\.5 · mlp-\S+: \d+ false positives, \d+ false negatives/);
    await screenshot(page, 'ledger-prefilled');
    await panel.screenshot({ path: join(RESULTS, 'ledger-panel-prefilled.png') });

    // Committing without a decision is refused with a message; the draft stays.
    await page.getByTestId('ledger-commit').click();
    expect(await panel.getByRole('alert').textContent()).toBe('A ledger entry needs a decision (promote, keep-champion, iterate, stop).');
    await draft.getByLabel('Keep champion').check();
    await page.getByTestId('ledger-reason').fill('The MLP\'s AUC gain <b>is</b> inside the noise: keep the LR.');
    await page.getByTestId('ledger-commit').click();
    await expect.poll(() => page.getByTestId('ledger-entry').count()).toBe(1);
    expect(await draft.count()).toBe(0);
    expect(await page.getByTestId('ledger-entry').textContent()).toContain('entry-1 · Keep champion');
    await screenshot(page, 'ledger-committed');
    await page.getByTestId('ledger-entry').locator('summary').click();
    await panel.screenshot({ path: join(RESULTS, 'ledger-panel-committed.png') });
    await page.locator('#export').screenshot({ path: join(RESULTS, 'ledger-export-step.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const bundle = openBundle(new Uint8Array(readFileSync(await download.path())));
    const manifest = bundle.json<{ files: Record<string, string> }>('manifest.json');
    const ledger = bundle.json<LedgerFile>('ledger.json');
    expect(ledger.format).toBe(1);
    expect(ledger.entries).toHaveLength(1);
    const [entry] = ledger.entries;
    expect(entry?.decision).toBe('keep-champion');
    expect(entry?.reason).toBe('The MLP\'s AUC gain <b>is</b> inside the noise: keep the LR.');
    expect(entry?.runs.map((r) => [r.role, r.model])).toEqual([['baseline', 'logistic'], ['candidate', 'mlp']]);
    const delta = entry?.metrics.find((m) => m.metric === 'roc_auc');
    expect(delta?.ci?.lo).toBeLessThanOrEqual(delta?.delta as number);
    for (const path of ['ledger.json', 'ledger.md']) expect(manifest.files[path], path).toBe(sha256(bundle.files[path] as Uint8Array));
    const md = strFromU8(bundle.files['ledger.md'] as Uint8Array);
    expect(md).toContain('&lt;b&gt;is&lt;/b&gt;');
    expect(md).not.toContain('<b>');
    // The compact's Baseline field describes the logistic baseline, and names the exported MLP as the candidate.
    const compact = bundle.json<{ fields: { key: string; value: string }[] }>('compact.json');
    expect(compact.fields.find((f) => f.key === 'baseline')?.value).toMatch(/^Baseline run logistic-\S+: Logistic regression .* This bundle exports the candidate \(run mlp-\S+\), MLP 32×32 relu/);
    // No slices were examined in Evaluate, so the compact describes the default slices report.html evaluated.
    expect(compact.fields.find((f) => f.key === 'eval_slices')?.value).toMatch(/^sex: 2 slices on the test split, at least \d+ rows to judge\. Weak/);
    expect(compact.fields.find((f) => f.key === 'candidate_signals')?.value).toMatch(/features: .*Permutation importance on the validation split, largest first: /);

    // The ledger survives a reload (IndexedDB).
    await page.reload();
    await gotoStep(page, 'train');
    await page.getByTestId('runs-table').waitFor({ timeout: 30_000 });
    await gotoStep(page, 'export');
    await expect.poll(() => page.getByTestId('ledger-entry').count()).toBe(1);
  });

  test('a correction is a new entry naming the old one, and the two entries can be diffed', async () => {
    await page.getByTestId('ledger-new').click();
    const draft = page.getByTestId('ledger-draft');
    expect(await draft.locator('textarea').first().inputValue()).toMatch(/^Same baseline run logistic-\S+\.\nSame candidate run mlp-\S+\.$/);
    await draft.getByLabel('Iterate').check();
    await page.getByTestId('ledger-reason').fill('Correction: the F1 and recall intervals exclude zero; try a wider MLP.');
    await draft.getByLabel('Corrects').selectOption('entry-1');
    await page.getByTestId('ledger-commit').click();
    await expect.poll(() => page.getByTestId('ledger-entry').count()).toBe(2);
    const diff = page.getByTestId('ledger-diff');
    expect([await diff.getByLabel('First entry').inputValue(), await diff.getByLabel('Second entry').inputValue()]).toEqual(['entry-1', 'entry-2']);
    const rows = diff.locator('tbody tr');
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain('corrects(none)entry-1');
    expect(text).toContain('decisionkeep-championiterate');
    expect(text).toContain('reasonThe MLP\'s AUC gain <b>is</b> inside the noise: keep the LR.Correction: the F1');
    await diff.screenshot({ path: join(RESULTS, 'ledger-diff.png') });
  });
});
