import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { RESULTS, gotoStep, launch, newPage, openPanel, recordLongTasks, screenshot, startServer, takeLongTasks } from './harness.ts';

const ROWS = 1_000_000;
const FEATURES = 8;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let path: string;
/** Every main-thread task over 50 ms, with the phase it fell in. */
const tasks: { phase: string; ms: number }[] = [];
const phaseMs: Record<string, number> = {};
let phaseStart = Date.now();

/** Ends a phase: keeps its long tasks and its wall time. */
async function endPhase(phase: string): Promise<void> {
  for (const ms of await takeLongTasks(page)) tasks.push({ phase, ms: Math.round(ms) });
  phaseMs[phase] = Date.now() - phaseStart;
  phaseStart = Date.now();
}

/** Waits until the report follows the threshold: it refreshes 200 ms after the last move, then computes in the worker. */
async function settled(): Promise<void> {
  await page.waitForTimeout(400);
  await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 120_000 }).toBe('');
}

/** 1M rows × 8 numeric columns and a 0/1 label drawn from a logistic model of them (seeded LCG, ~60 MB). */
async function writeCsv(file: string): Promise<void> {
  let seed = 20261201;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const weights = [1.2, -0.8, 0.5, 0, 0.3, -1.5, 0.9, 0.1];
  const out = createWriteStream(file);
  out.write(`${[...Array.from({ length: FEATURES }, (_, i) => `x${i}`), 'label'].join(',')}\n`);
  let block: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    const cells: string[] = [];
    let z = -0.7;
    for (let i = 0; i < FEATURES; i++) {
      const x = rand() * 4 - 2;
      z += weights[i] * x;
      cells.push(x.toFixed(3));
    }
    cells.push(rand() < 1 / (1 + Math.exp(-z)) ? '1' : '0');
    block.push(cells.join(','));
    if (block.length === 20_000) {
      if (!out.write(`${block.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      block = [];
    }
  }
  if (block.length) out.write(`${block.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

beforeAll(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'mle-page-1m-')), 'page-1m.csv');
  await writeCsv(path);
  let url: string;
  ({ server, url } = await startServer());
  browser = await launch();
  ({ page } = await newPage(browser));
  // Recorded from the first script of the page on: the test reads every task over 50 ms from page open to the end.
  await recordLongTasks(page);
  phaseStart = Date.now();
  if (process.env.TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
  await page.goto(`${url}?backend=wasm`);
});

afterAll(async () => {
  // TRACE=1 writes a Chrome trace of the whole test (open it in DevTools' Performance panel) to find a long task's cause.
  if (process.env.TRACE) {
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'page-million-trace.json'), await browser.stopTracing());
  }
  await browser?.close();
  await server?.close();
  if (path) rmSync(dirname(path), { recursive: true, force: true });
});

describe(`${ROWS.toLocaleString('en')} rows, the way a user goes`, () => {
  test('open, load, contract, train, evaluate, slider, strategy, tabs, a second run, compare and reload: no main-thread task over 50 ms (100 ms for page open and reload)', { timeout: 400_000 }, async () => {
    await page.locator('input[type=file]').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    await endPhase('open');
    await page.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent(), { timeout: 120_000 }).toContain(`${ROWS.toLocaleString('en')} rows × ${FEATURES + 1} columns`);
    await endPhase('load');

    await gotoStep(page, 'contract');
    await page.getByTestId('roles-table').waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Label column').inputValue()).toBe('label');
    expect(await page.getByLabel('Positive class').inputValue()).toBe('1');
    await expect.poll(() => page.getByTestId('checks-panel').getAttribute('aria-busy'), { timeout: 120_000 }).toBe('false');
    await endPhase('contract');

    await gotoStep(page, 'train');
    expect(await page.getByLabel('Model', { exact: true }).inputValue()).toBe('logistic');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 180_000 });
    await screenshot(page, 'page-million-trained');
    await endPhase('train');

    await gotoStep(page, 'evaluate');
    await page.getByTestId('roc-auc').waitFor({ timeout: 60_000 });
    await page.getByTestId('sweep-chart').locator('svg').first().waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 120_000 }).toBe('');
    const auc = Number(await page.getByTestId('roc-auc').textContent());
    // The label is drawn from a logistic model of the columns: a fitted LR separates it well.
    expect(auc).toBeGreaterThan(0.8);
    await endPhase('evaluate');

    // The slider by keyboard (arrow keys, Page Up, End, Home), then a typed threshold.
    const slider = page.getByRole('slider', { name: 'Threshold' });
    const shown = async (): Promise<number> => Number(await page.getByTestId('threshold-value').getAttribute('title'));
    const count = async (id: string): Promise<number> => Number(await page.getByTestId(id).locator('.count').textContent());
    const positives = (await count('tp')) + (await count('fn'));
    const flaggedAtHalf = (await count('tp')) + (await count('fp'));
    await slider.focus();
    const before = await shown();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageUp');
    await expect.poll(shown).toBeGreaterThan(before);
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const typed = page.getByLabel('Threshold value');
    await typed.fill('0.3');
    await typed.press('Enter');
    await expect.poll(shown).toBeGreaterThanOrEqual(0.3);
    const [tp, fn, fp, tn] = [await count('tp'), await count('fn'), await count('fp'), await count('tn')];
    // The test split (20% of 1M rows): every row counted once, the positives fixed, and a lower threshold flags more.
    expect(tp + fn + fp + tn).toBe(ROWS / 5);
    expect(tp + fn).toBe(positives);
    expect(tp + fp).toBeGreaterThan(flaggedAtHalf);
    await settled();
    await page.waitForTimeout(500);
    await screenshot(page, 'page-million-evaluate');
    await endPhase('slider');

    // A strategy chosen on the validation split: its sweep comes from the worker, never a sort on the page.
    await page.getByLabel('Threshold strategy').selectOption('max-f1');
    await page.getByRole('button', { name: 'Choose threshold' }).click();
    await expect.poll(() => page.getByTestId('threshold-set-by').textContent()).toContain('on validation');
    await settled();
    await endPhase('strategy');

    for (const tab of ['Scores & calibration', 'Slices', 'Errors', 'Operating points', 'Importance', 'Curves']) {
      await openPanel(page, tab);
      await page.waitForTimeout(300);
    }
    await screenshot(page, 'page-million-tabs');
    await endPhase('tabs');

    // A second run (the base-rate prior), then both compared side by side on their 1M-row splits.
    await gotoStep(page, 'train');
    await page.getByLabel('Model', { exact: true }).selectOption('prior');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count(), { timeout: 120_000 }).toBe(2);
    await expect.poll(() => page.getByRole('button', { name: 'Train', exact: true }).isEnabled(), { timeout: 120_000 }).toBe(true);
    await expect.poll(async () => (await page.getByTestId('runs-table').textContent()) ?? '').not.toContain('…');
    await endPhase('second run');
    await gotoStep(page, 'evaluate');
    await openPanel(page, 'Compare runs');
    await page.getByRole('button', { name: 'Compare runs' }).click();
    await page.getByTestId('compare-table').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('compare-table').locator('tbody tr').count()).toBe(2);
    await page.locator('[data-testid="compare-roc"] svg').first().waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'page-million-compare');
    await endPhase('compare');

    // A reload brings back the file, the contract and both runs from this browser's storage.
    await page.reload();
    await page.getByTestId('roc-auc').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 120_000 }).toBe('');
    await page.waitForTimeout(500);
    await screenshot(page, 'page-million-reloaded');
    await endPhase('reload');

    console.log(`[timing] ${ROWS} rows, wall ms per phase: ${JSON.stringify(phaseMs)}; long tasks: ${JSON.stringify(tasks)}`);
    // The work the issue names (load, train, evaluate, the slider, and what a user does between them) has no task over
    // 50 ms. Opening and reloading include the browser's own navigation work (38–46 ms on a quiet machine), which
    // passes 50 ms when other processes share the two cores; there the bound is 100 ms (the app's own open and reload
    // tasks were 59–113 ms before they were split).
    const navigation = new Set(['open', 'reload']);
    const over = tasks.filter((t) => t.ms > (navigation.has(t.phase) ? 100 : 50));
    expect(over, `main-thread tasks over the bound: ${tasks.map((t) => `${t.phase} ${t.ms} ms`).join(', ')}`).toEqual([]);
  });
});
