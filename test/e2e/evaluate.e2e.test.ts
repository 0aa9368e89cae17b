import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, launch, newPage, openPanel, recordLongTasks, screenshot, startServer, takeLongTasks } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;

const shownThreshold = async (): Promise<string> => (await page.getByTestId('threshold-value').getAttribute('title')) ?? '';
const count = async (id: string): Promise<number> => Number(await page.getByTestId(id).locator('.count').textContent());
const ORACLE = JSON.parse(readFileSync(new URL('../fixtures/breast_cancer_oracle.json', import.meta.url), 'utf8')) as { test: { y_true: number[]; y_score: number[]; roc_auc: number; average_precision: number } };

interface SweepJson { threshold: (number | null)[]; recall: (number | null)[]; ppr: (number | null)[]; points_exact: number }

async function reportJson(): Promise<{ n: number; n_pos: number; sweep: SweepJson; threshold: number }> {
  await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 60_000 }).toBe('');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (JSON)' }).click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as { n: number; n_pos: number; sweep: SweepJson; threshold: number };
}

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startServer());
  browser = await launch();
  ({ page } = await newPage(browser));
  await recordLongTasks(page);
  await page.goto(`${url}?backend=wasm&sample=titanic`);
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
  await gotoStep(page, 'train');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
  await gotoStep(page, 'evaluate');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('evaluation on Titanic', () => {
  test('the slider snaps to the exact sweep and the matrix always agrees with it', async () => {
    const report = await reportJson();
    expect(report.sweep.points_exact).toBe(report.sweep.threshold.length);
    // One stop per distinct score (the linear track is covered in evaluate-layout.e2e).
    await page.getByLabel('one stop per distinct score').check();
    const slider = page.getByRole('slider', { name: 'Threshold' });
    const max = Number(await slider.getAttribute('max'));
    expect(max).toBe(report.sweep.points_exact);
    // Moving the slider re-renders no chart (markers move by style): no main-thread task of 100 ms or more.
    await takeLongTasks(page);
    for (let i = 0; i <= 10; i++) await slider.fill(String(Math.floor((max * i) / 10)));
    const longTasks = await takeLongTasks(page);
    console.log(`[timing] long tasks during 11 slider moves: ${JSON.stringify(longTasks.map(Math.round))}`);
    expect(Math.max(0, ...longTasks)).toBeLessThan(100);
    for (const position of [0, Math.floor(max / 4), Math.floor(max / 2), max - 1, max]) {
      await slider.fill(String(position));
      const t = Number(await shownThreshold());
      const [tp, fn, fp, tn] = [await count('tp'), await count('fn'), await count('fp'), await count('tn')];
      expect(tp + fn).toBe(report.n_pos);
      expect(tp + fn + fp + tn).toBe(report.n);
      if (position === max) { expect(tp + fp).toBe(0); continue; }
      // Ascending slider position i is sweep point (k - 1 - i), whose threshold is a real score.
      const i = report.sweep.points_exact - 1 - position;
      expect(t).toBe(report.sweep.threshold[i]);
      expect(tp).toBe(Math.round((report.sweep.recall[i] ?? 0) * report.n_pos));
      expect(tp + fp).toBe(Math.round((report.sweep.ppr[i] ?? 0) * report.n));
    }
    await screenshot(page, 'evaluate-slider');
  });

  test('cost inputs move the chosen threshold (chosen on validation, reported on test)', async () => {
    await page.getByLabel('Threshold strategy').selectOption('min-cost');
    await page.getByLabel('Cost of a false positive').fill('1');
    await page.getByLabel('Cost of a false negative').fill('10');
    await page.getByRole('button', { name: 'Choose threshold' }).click();
    const cheapMisses = Number(await page.getByTestId('chosen-threshold-value').getAttribute('title'));
    expect(await page.getByTestId('chosen-threshold').textContent()).toMatch(/on the validation split/);
    await page.getByLabel('Cost of a false positive').fill('10');
    await page.getByLabel('Cost of a false negative').fill('1');
    await page.getByRole('button', { name: 'Choose threshold' }).click();
    await expect.poll(async () => Number(await page.getByTestId('chosen-threshold-value').getAttribute('title'))).toBeGreaterThan(cheapMisses);
    const full = Number(await page.getByTestId('chosen-threshold-value').getAttribute('title'));
    expect(Number(await shownThreshold())).toBe(full);
    // Read with at most 4 significant digits; the full value stays in the title (and in the JSON report).
    const shown = (await page.getByTestId('chosen-threshold-value').textContent()) ?? '';
    expect(shown.replace(/e.*$/, '').replace(/^[-0.]+/, '').replace('.', '').length).toBeLessThanOrEqual(4);
    expect(Math.abs(Number(shown) - full)).toBeLessThanOrEqual(Math.abs(full) * 5e-4);
    await expect.poll(() => page.getByTestId('operating-points').textContent()).toContain('Minimum expected cost');
    await screenshot(page, 'evaluate-cost');
  });

  test('slice table by sex and by pclass, with intervals and too-small labels', async () => {
    await openPanel(page, 'Slices');
    await page.getByLabel('Slice by sex').check();
    await page.getByLabel('Slice by pclass').check();
    const sex = page.getByTestId('slice-table-sex');
    const pclass = page.getByTestId('slice-table-pclass');
    await sex.waitFor({ timeout: 60_000 });
    await pclass.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 60_000 }).toBe('');
    const report = await reportJson();
    const sexRows = await sex.locator('tbody tr').all();
    expect(sexRows).toHaveLength(2);
    const keys = await Promise.all(sexRows.map((r) => r.getAttribute('data-slice')));
    expect(keys.sort()).toEqual(['sex=female', 'sex=male']);
    const sizes = await Promise.all(sexRows.map(async (r) => Number(await r.locator('td').nth(1).textContent())));
    expect(sizes[0] + sizes[1]).toBe(report.n);
    expect(await pclass.locator('tbody tr').count()).toBe(3);
    // Women survived far more often than men: the positive rates differ by a wide margin.
    const rate = async (key: string) => Number(await sex.locator(`tr[data-slice="${key}"] td`).nth(2).textContent());
    expect(await rate('sex=female')).toBeGreaterThan((await rate('sex=male')) + 0.3);
    expect(await sex.locator('tr[data-slice="sex=female"] td').nth(3).textContent()).toMatch(/0\.\d{3} \d\.\d{2}–\d\.\d{2}/);
    await page.getByLabel('Cross slice first column').selectOption('sex');
    await page.getByLabel('Cross slice second column').selectOption('pclass');
    const crossed = page.getByTestId('slice-table-sex-pclass');
    await crossed.waitFor({ timeout: 60_000 });
    expect(await crossed.locator('tbody tr').count()).toBe(6);
    await screenshot(page, 'evaluate-slices');
  });

  test('side by side uses one policy', async () => {
    await gotoStep(page, 'train');
    await page.getByLabel('Model', { exact: true }).selectOption('mlp');
    await page.getByLabel('Epochs').fill('15');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count(), { timeout: 180_000 }).toBe(2);
    const ids = await page.getByTestId('runs-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run') ?? ''));
    const lr = ids.find((id) => id.startsWith('logistic-')) ?? '';
    const mlp = ids.find((id) => id.startsWith('mlp-')) ?? '';
    expect(lr && mlp).toBeTruthy();
    // What the strategy panel chooses for each run at FP 1, FN 5, on its own validation split, and the test report there.
    const chosen: Record<string, { threshold: number; cost: number }> = {};
    for (const id of [lr, mlp]) {
      await gotoStep(page, 'train');
      await page.getByLabel(`Show run ${id}`).check();
      await gotoStep(page, 'evaluate');
      await page.getByLabel('Threshold strategy').selectOption('min-cost');
      await page.getByLabel('Cost of a false positive').fill('1');
      await page.getByLabel('Cost of a false negative').fill('5');
      await page.getByRole('button', { name: 'Choose threshold' }).click();
      await expect.poll(() => page.getByTestId('chosen-threshold').textContent()).toContain('a false negative 5');
      const threshold = Number(await page.getByTestId('chosen-threshold-value').getAttribute('title'));
      // The report is recomputed after the choice: read it once it is at the chosen threshold.
      let report = { threshold: NaN, expected_cost: NaN };
      await expect.poll(async () => { report = (await reportJson()) as unknown as typeof report; return report.threshold; }, { timeout: 60_000 }).toBe(threshold);
      chosen[id] = { threshold, cost: report.expected_cost };
    }
    console.log(`[measure] min-cost FP 1 FN 5 thresholds: ${JSON.stringify(chosen)}`);
    // The comparison's policy starts as the strategy chosen above.
    await openPanel(page, 'Compare runs');
    expect(await page.getByLabel('Comparison policy').inputValue()).toBe('min-cost');
    expect(await page.getByLabel('Policy FN cost').inputValue()).toBe('5');
    await page.getByRole('button', { name: 'Compare runs' }).click();
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('compare-policy').textContent()).toContain('Each run at the threshold that minimises expected cost (FP 1, FN 5) on its own validation split.');
    expect(await page.getByTestId('compare-policy').textContent()).toContain('Expected cost is per test row at FP 1, FN 5.');
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator(`tr[data-run="${lr}"]`).textContent()).toContain('(baseline)');
    for (const id of [lr, mlp]) {
      const threshold = Number(await table.locator(`tr[data-run="${id}"] [data-testid=compare-threshold]`).getAttribute('data-value'));
      const cost = Number(await table.locator(`tr[data-run="${id}"] [data-testid=compare-cost]`).getAttribute('data-value'));
      expect(threshold).toBe(chosen[id].threshold);
      expect(threshold).not.toBe(0.5);
      expect(cost).toBeCloseTo(chosen[id].cost, 12);
      expect(await table.locator(`tr[data-run="${id}"] [data-testid=compare-cost]`).textContent()).toBe(chosen[id].cost.toFixed(3));
    }
    const deltas = page.getByTestId('compare-deltas');
    expect(await deltas.locator('tbody tr').count()).toBe(1);
    expect(await deltas.locator(`tr[data-run="${mlp}"] td`).nth(5).textContent()).toMatch(/^[+-]\d\.\d{3} \(-?\d\.\d{3}–-?\d\.\d{3}\)$/);
    console.log(`[measure] side by side: ${(await table.locator('tbody').innerText()).replace(/\s+/g, ' ')} | deltas: ${(await deltas.locator('tbody').innerText()).replace(/\s+/g, ' ')}`);
    // Legends name the runs: model and the run ID without its model prefix.
    const names = await table.locator('td.name').evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').replace(' (baseline)', '').trim()));
    expect(names[0]).toBe(`Logistic regression · ${lr.slice('logistic-'.length)}`);
    expect(names[1]).toMatch(new RegExp(`^MLP.* · ${mlp.slice('mlp-'.length)}$`));
    for (const chart of ['compare-roc', 'compare-pr']) {
      const legend = await page.getByTestId(chart).locator('span[class$="-swatch"]').evaluateAll((spans) => spans.map((s) => (s.textContent ?? '').trim()));
      expect(legend).toEqual(names);
    }
    // Nothing scrolls sideways at 1280 px.
    expect(page.viewportSize()?.width).toBe(1280);
    for (const box of ['compare-scroll', 'compare-deltas-scroll']) {
      const { scroll, client } = await page.getByTestId(box).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      console.log(`[measure] ${box}: scrollWidth ${scroll}, clientWidth ${client}`);
      expect(scroll).toBeLessThanOrEqual(client);
    }
    await screenshot(page, 'evaluate-compare');
    // The comparison alone (the full page is ~13,000 px tall): from the policy controls to the curves.
    const pageY = (id: string, edge: 'top' | 'bottom') => page.locator(id).evaluate((el, e) => el.getBoundingClientRect()[e] + window.scrollY, edge);
    const top = await pageY('[aria-label="Comparison policy"]', 'top');
    const bottom = await pageY('[data-testid="compare-pr"]', 'bottom');
    await page.screenshot({ path: 'test-results/evaluate-compare-panel.png', fullPage: true, clip: { x: 0, y: top - 80, width: 1280, height: bottom - top + 100 } });
    // The policy can be changed here; without costs, expected cost assumes FP = FN = 1 and says so.
    await page.getByLabel('Comparison policy').selectOption('max-f1');
    await page.getByRole('button', { name: 'Compare runs' }).click();
    await expect.poll(() => page.getByTestId('compare-policy').textContent(), { timeout: 60_000 }).toContain('Each run at the threshold that maximises F1 on its own validation split.');
    expect(await page.getByTestId('compare-policy').textContent()).toContain('FP = FN = 1 is assumed');
    expect(await table.locator(`tr[data-run="${lr}"] [data-testid=compare-threshold]`).getAttribute('title')).toMatch(/Highest F1 on the validation split/);
    await page.getByRole('button', { name: 'Use the strategy chosen above' }).click();
    expect(await page.getByLabel('Comparison policy').inputValue()).toBe('min-cost');
  });

  test('selected error rows export as a regression fixture with scores and the model ID, never PII', async () => {
    await openPanel(page, 'Errors');
    const list = page.getByTestId('error-list');
    await list.waitFor();
    const boxes = list.locator('tbody input[type=checkbox]');
    expect(await boxes.count()).toBeGreaterThan(1);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export 2 selected rows as a regression fixture/ }).click()]);
    const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    const header = lines[0].split(',');
    expect(header[0]).toBe('row_index');
    expect(header.slice(-5)).toEqual(['label', 'score', 'predicted', 'threshold', 'model_id']);
    // Titanic's suggested PII columns never leave the page.
    expect(header).not.toContain('name');
    expect(header).not.toContain('home.dest');
    expect(lines[1].split(',').at(-1)).toMatch(/^(logistic|mlp)-[0-9a-f]{8}-/);
  });

  test('a loaded scores CSV is evaluated: the oracle scores give sklearn\'s AUC and AP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-scores-'));
    const path = join(dir, 'oracle-scores.csv');
    writeFileSync(path, `label,score\n${ORACLE.test.y_true.map((y, i) => `${y},${ORACLE.test.y_score[i]}`).join('\n')}\n`);
    const runThreshold = await shownThreshold();
    await page.getByLabel('A scores file').check();
    await page.getByLabel('Scores CSV').setInputFiles(path);
    await page.getByLabel('Scores label column').waitFor();
    await page.getByRole('button', { name: 'Evaluate scores' }).click();
    await expect.poll(() => page.getByTestId('roc-auc').textContent(), { timeout: 60_000 }).toBe(ORACLE.test.roc_auc.toFixed(4));
    await expect.poll(() => page.getByTestId('curve-ap').textContent(), { timeout: 60_000 }).toBe(ORACLE.test.average_precision.toFixed(4));
    expect([await count('tp'), await count('fp'), await count('tn'), await count('fn')]).toEqual([103, 3, 61, 4]);
    expect(await page.getByTestId('strategy-panel').textContent()).toMatch(/same rows it is reported on/);
    await screenshot(page, 'evaluate-scores-file');

    const bad = join(dir, 'bad-scores.csv');
    writeFileSync(bad, 'label,score\n1,0.9\n0,abc\n');
    await page.getByLabel('Scores CSV').setInputFiles(bad);
    await page.getByRole('button', { name: 'Evaluate scores' }).click();
    await expect.poll(() => page.getByTestId('scores-file-error').textContent()).toMatch(/line 3, column "score": "abc" is not a number/);
    // The earlier evaluation is still on screen.
    expect(await page.getByTestId('roc-auc').textContent()).toBe(ORACLE.test.roc_auc.toFixed(4));
    // A threshold moved on the file stays with the file: the run gets its own back (and its bundle uses it).
    // A typed value snaps to the file's first score at or above it.
    await page.getByLabel('Threshold value').fill('0.123');
    await page.getByLabel('Threshold value').dispatchEvent('change');
    const fileThreshold = await shownThreshold();
    expect(Number(fileThreshold)).toBeGreaterThanOrEqual(0.123);
    expect(ORACLE.test.y_score).toContain(Number(fileThreshold));
    await page.getByLabel('The selected run').check();
    await expect.poll(() => shownThreshold()).toBe(runThreshold);
    await page.getByLabel('A scores file').check();
    await expect.poll(() => shownThreshold()).toBe(fileThreshold);
  });
  test('a three-class label trains softmax and shows the K×K matrix with per-class metrics', async () => {
    await page.getByLabel('The selected run').check();
    await gotoStep(page, 'contract');
    await page.getByLabel('Label column').selectOption('pclass');
    await gotoStep(page, 'train');
    await page.getByLabel('Model', { exact: true }).selectOption('logistic');
    expect(await page.getByLabel('Task').inputValue()).toBe('multiclass');
    const before = await page.getByTestId('runs-table').locator('tbody tr').count();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count(), { timeout: 180_000 }).toBe(before + 1);
    await gotoStep(page, 'evaluate');
    await expect.poll(() => page.getByRole('tab', { name: 'All classes' }).count(), { timeout: 60_000 }).toBe(1);
    await openPanel(page, 'All classes');
    const matrix = page.getByTestId('multiclass-confusion');
    await matrix.waitFor({ timeout: 60_000 });
    expect(await matrix.locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('multiclass-per-class').locator('tbody tr').count()).toBe(6);
    // Class headers read through the label, never a bare code.
    const classHeads = (await matrix.locator('thead th').allTextContents()).slice(1);
    expect([...classHeads].sort()).toEqual(['pclass = 1', 'pclass = 2', 'pclass = 3']);
    expect((await matrix.locator('tbody th').allTextContents()).sort()).toEqual(['pclass = 1', 'pclass = 2', 'pclass = 3']);
    expect((await page.getByTestId('multiclass-per-class').locator('tbody tr td:first-child').allTextContents()).slice(0, 3).sort()).toEqual(['pclass = 1', 'pclass = 2', 'pclass = 3']);
    expect(Number(await page.getByTestId('multiclass-accuracy').textContent())).toBeGreaterThan(0.6);
    // The headline is the multiclass accuracy, the same figure as the all-classes panel's; the AUC says it is one-vs-rest.
    await expect.poll(async () => Number(await page.getByTestId('headline-accuracy').textContent()).toFixed(3)).toBe(await page.getByTestId('multiclass-accuracy').textContent());
    expect(await page.locator('p.auc').textContent()).toMatch(/ROC AUC for "\d" one-vs-rest/);
    // The one-vs-rest matrix and the error table name the classes through the label, never a bare code.
    const positive = /ROC AUC for "(\d)"/.exec((await page.locator('p.auc').textContent()) ?? '')?.[1];
    expect(await page.getByTestId('confusion-matrix').locator('thead').textContent()).toContain(`Predicted “pclass = ${positive}”Predicted “pclass ≠ ${positive}”`);
    const actual = await page.getByTestId('error-list').locator('tbody tr td:nth-child(4)').allTextContents();
    expect(actual.length).toBeGreaterThan(0);
    for (const a of actual) expect([`pclass = ${positive}`, `pclass ≠ ${positive}`]).toContain(a);
    await screenshot(page, 'evaluate-multiclass');
  });

});
