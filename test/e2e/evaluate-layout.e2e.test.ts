import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, launch, newPage, RESULTS, startServer } from './harness.ts';

// The Evaluate view at 1440 × 900 on Titanic: matrix, threshold control and sweep together; the rest behind tabs.
let server: PreviewServer;
let browser: Browser;
let page: Page;

const HEADER = 120; // room the step views leave above a step (title bar and nav), per the step-views layout
const significant = (text: string): number => text.replace(/e.*$/, '').replace(/^[-0.]+/, '').replace('.', '').length;
const threshold = async (): Promise<number> => Number(await page.getByTestId('threshold-value').getAttribute('title'));

async function sweepThresholds(): Promise<number[]> {
  await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 60_000 }).toBe('');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (JSON)' }).click()]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as { sweep: { threshold: (number | null)[]; points_exact: number } };
  expect(report.sweep.threshold.length).toBe(report.sweep.points_exact); // Titanic's test split is small: nothing thinned
  return report.sweep.threshold.filter((t): t is number => t !== null);
}

/** Shows the Evaluate view with its top where a step view starts (under the header), on the long page or a step view. */
async function showEvaluate(): Promise<void> {
  await gotoStep(page, 'evaluate');
  await page.getByTestId('sweep-chart').locator('svg').first().waitFor({ timeout: 60_000 });
  await page.evaluate((header) => {
    const top = document.querySelector('[data-step="evaluate"]')?.getBoundingClientRect().top ?? 0;
    if (top > header + 80 || top < 0) window.scrollBy(0, top - header);
  }, HEADER);
}

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startServer());
  browser = await launch();
  ({ page } = await newPage(browser));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${url}?backend=wasm&sample=titanic`);
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
  await gotoStep(page, 'train');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Evaluate view at 1440 × 900', () => {
  test('the matrix, the threshold control and the sweep chart are on screen together', async () => {
    await showEvaluate();
    const section = await page.locator('[data-step="evaluate"]').boundingBox();
    const boxes = Object.fromEntries(await Promise.all(['threshold-control', 'confusion-matrix', 'sweep-chart'].map(async (id) => [id, await page.getByTestId(id).boundingBox()] as const)));
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    expect(section).not.toBeNull();
    for (const [id, box] of Object.entries(boxes)) {
      expect(box, id).not.toBeNull();
      if (!box) continue;
      expect(box.y, id).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, id).toBeLessThanOrEqual(viewport.height);
      expect(box.x + box.width, id).toBeLessThanOrEqual(viewport.width);
    }
    const bottom = Math.max(...Object.values(boxes).map((b) => (b ? b.y + b.height : Infinity)));
    console.log(`[layout] evaluate top ${Math.round(section?.y ?? 0)} px; lowest of matrix/control/sweep ends ${Math.round(bottom)} px (${Math.round(bottom - (section?.y ?? 0))} px below the step's top); ${JSON.stringify(Object.fromEntries(Object.entries(boxes).map(([k, b]) => [k, b && [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]])))}`);
    // The lesson highlights these exact controls.
    // The cost inputs (hook "costs") show while the strategy is minimum expected cost.
    await page.getByLabel('Threshold strategy').selectOption('min-cost');
    for (const hook of ['threshold', 'matrix', 'sweep', 'costs', 'split-note', 'slices', 'score-histogram']) expect(await page.locator(`[data-lesson="${hook}"]`).count(), hook).toBeGreaterThan(0);
    await page.screenshot({ path: join(RESULTS, 'evaluate-layout-1440-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(RESULTS, 'evaluate-layout-1440-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('the secondary panels are tabs that switch by keyboard, and the chosen tab survives leaving the step', async () => {
    const tabs = page.getByRole('tablist', { name: 'More about this evaluation' }).getByRole('tab');
    const names = (await tabs.allTextContents()).map((t) => t.trim());
    expect(names.slice(0, 6)).toEqual(['Curves', 'Scores & calibration', 'Intervals', 'Slices', 'Errors', 'Operating points']);
    expect(names).toContain('Compare runs');
    await page.getByRole('tab', { name: 'Curves' }).focus();
    await page.keyboard.press('ArrowRight');
    const calibration = page.getByRole('tab', { name: 'Scores & calibration' });
    expect(await calibration.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Scores & calibration');
    expect(await page.locator('#panel-calibration').isVisible()).toBe(true);
    expect(await page.locator('#panel-curves').isVisible()).toBe(false);
    expect(await page.getByTestId('score-histogram').isVisible()).toBe(true);
    // Only the selected tab is in the Tab order (roving tabindex).
    expect(await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')).filter((t) => t === '0').length)).toBe(1);
    await page.keyboard.press('End');
    expect(await tabs.last().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight'); // wraps to the first
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Errors' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('error-list').isVisible()).toBe(true);
    await page.locator('#panel-errors').screenshot({ path: join(RESULTS, 'evaluate-layout-errors-tab.png') });
    await gotoStep(page, 'data');
    await showEvaluate();
    expect(await page.getByRole('tab', { name: 'Errors' }).getAttribute('aria-selected')).toBe('true');
  });

  test('the track is linear in threshold by default; one stop per score moves 0.5 off-centre; both land on sweep points', async () => {
    const sweep = await sweepThresholds();
    const slider = page.getByRole('slider', { name: 'Threshold' });
    expect(await page.getByTestId('threshold-set-by').textContent()).toContain('set by: the default (0.5)');
    expect(await threshold()).toBe(0.5);
    expect([await slider.getAttribute('max'), await slider.inputValue()]).toEqual(['1000', '500']);
    await page.getByLabel('one stop per distinct score').check();
    const max = Number(await slider.getAttribute('max'));
    expect(max).toBe(sweep.length); // every distinct score, then "flag nothing"
    const share = Number(await slider.inputValue()) / max;
    console.log(`[layout] threshold 0.5 sits at ${(share * 100).toFixed(1)}% of the per-score track, 50% of the linear one`);
    expect(Math.abs(share - 0.5)).toBeGreaterThan(0.05);
    for (const position of [0, Math.floor(max / 3), max - 1]) {
      await slider.fill(String(position));
      expect(sweep).toContain(await threshold());
      expect(await page.getByTestId('threshold-set-by').textContent()).toContain('set by hand');
    }
    await page.getByLabel('linear in threshold').check();
    expect(await slider.getAttribute('max')).toBe('1000');
    for (const position of [0, 250, 500, 740, 999]) {
      await slider.fill(String(position));
      const t = await threshold();
      // A sweep point, or the one stop above every score ("flag nothing").
      if (t > Math.max(...sweep)) expect(await page.getByTestId('tp').locator('.count').textContent()).toBe('0');
      else expect(sweep, `linear position ${position}`).toContain(t);
      expect(significant((await page.getByTestId('threshold-value').inputValue()))).toBeLessThanOrEqual(4);
    }
    // A step by keyboard always changes the decision.
    const before = await threshold();
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await threshold()).toBeLessThan(before);
  });

  test('a typed threshold snaps to the sweep point with the same decisions, and a strategy says it set the value', async () => {
    const sweep = await sweepThresholds();
    const box = page.getByTestId('threshold-value');
    await box.fill('0.5');
    await box.press('Enter');
    await box.dispatchEvent('change');
    const t = await threshold();
    expect(sweep).toContain(t);
    // The first score at or above 0.5: no score lies in [0.5, t).
    expect(t).toBeGreaterThanOrEqual(0.5);
    expect(sweep.filter((s) => s >= 0.5 && s < t)).toEqual([]);
    expect(significant(await box.inputValue())).toBeLessThanOrEqual(4);
    await page.getByLabel('Threshold strategy').selectOption('max-f1');
    await page.getByRole('button', { name: 'Choose threshold' }).click();
    await expect.poll(() => page.getByTestId('threshold-set-by').textContent()).toContain('set by: maximum F1 on validation');
    expect(await threshold()).toBe(Number(await page.getByTestId('chosen-threshold-value').getAttribute('title')));
  });

  test('renaming the outcomes in the contract changes the matrix, the reading and the error list', async () => {
    await gotoStep(page, 'contract');
    expect(await page.getByLabel('Positive outcome name').getAttribute('placeholder')).toBe('survived');
    expect(await page.getByLabel('Negative outcome name').getAttribute('placeholder')).toBe('not survived');
    await page.getByLabel('Positive outcome name').fill('flagged for review');
    await page.getByLabel('Positive outcome name').dispatchEvent('change');
    await page.getByLabel('Negative outcome name').fill('not flagged');
    await page.getByLabel('Negative outcome name').dispatchEvent('change');
    await page.getByTestId('outcome-names').screenshot({ path: join(RESULTS, 'evaluate-layout-contract-names.png') });
    await showEvaluate();
    const headers = (await page.getByTestId('confusion-matrix').locator('th').allTextContents()).map((h) => h.trim());
    expect(headers).toEqual(expect.arrayContaining(['Predicted “flagged for review”', 'Predicted “not flagged”', 'Actually “flagged for review”', 'Actually “not flagged”']));
    expect(await page.getByTestId('reading').textContent()).toMatch(/predicted “flagged for review”.*actually “not flagged”/);
    await page.getByRole('tab', { name: 'Errors' }).click();
    const cells = page.getByTestId('error-list').locator('tbody tr td:nth-child(4)');
    await expect.poll(() => cells.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    for (const o of await cells.allTextContents()) expect(['flagged for review', 'not flagged']).toContain(o);
    // The error list's report follows the chosen threshold once it has been recomputed.
    const shown = await page.getByLabel('Threshold value').inputValue();
    await expect.poll(() => page.locator('#panel-errors p.muted').first().textContent(), { timeout: 60_000 }).toContain(`At threshold ${shown}:`);
    await page.screenshot({ path: join(RESULTS, 'evaluate-layout-renamed.png') });
    // The words live in the stored contract: a reload brings them back.
    await page.reload();
    await gotoStep(page, 'contract');
    await page.getByTestId('roles-table').waitFor();
    await expect.poll(() => page.getByLabel('Positive outcome name').inputValue()).toBe('flagged for review');
  });
});
