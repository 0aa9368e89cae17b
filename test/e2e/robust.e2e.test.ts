import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openBundle } from './bundle-reader.ts';
import { gotoStep, launch, newPage, openPanel, screenshot, startServer } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let url: string;
const errors: string[] = [];

/** A seeded LCG, so every generated file is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/**
 * Names and values built to collide when joined as text: column c with value "1x" vs column c1 with value "x"
 * (same rows, whose labels are coin flips, so both are over-represented among errors); a column named "a×b" next to
 * a and b; and in a, a literal "(missing)" category next to empty cells.
 */
function collidingCsv(): string {
  const next = lcg(11);
  const rows = Array.from({ length: 600 }, () => {
    const noisy = next() < 0.3;
    const f = next() * 4 - 2;
    const y = noisy ? (next() < 0.5 ? 1 : 0) : f + (next() - 0.5) > 0 ? 1 : 0;
    const a = ['p', 'q', '(missing)', ''][Math.floor(next() * 4)];
    return [f.toFixed(3), noisy ? '1x' : 'k', noisy ? 'x' : 'm', a, next() < 0.5 ? 'u' : 'v', next() < 0.5 ? 'w' : 'z', y].join(',');
  });
  return `f,c,c1,a,b,a×b,y\n${rows.join('\n')}\n`;
}

async function load(name: string, csv: string): Promise<void> {
  await gotoStep(page, 'data');
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect.poll(() => page.getByTestId('snapshot-summary').textContent(), { timeout: 60_000 }).toContain(name);
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
  await expect.poll(() => page.getByTestId('checks-panel').getAttribute('aria-busy')).toBe('false');
}

const revision = async (p: Page): Promise<number> => Number((await p.getByTestId('contract-version').textContent())?.match(/revision (\d+)/)?.[1]);

beforeAll(async () => {
  ({ server, url } = await startServer());
  browser = await launch();
  ({ context, page } = await newPage(browser));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}?backend=wasm`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('robustness', () => {
  test('colliding names and values: every Evaluate panel renders, with no page error', async () => {
    await load('colliding.csv', collidingCsv());
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
    await gotoStep(page, 'evaluate');
    await openPanel(page, 'Slices');
    await page.getByLabel('Slice by a', { exact: true }).check();
    await page.getByLabel('Slice by a×b', { exact: true }).check();
    await page.getByLabel('Cross slice first column').selectOption('a');
    await page.getByLabel('Cross slice second column').selectOption('b');
    await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 60_000 }).toBe('');
    for (const id of ['sweep-chart', 'roc-chart', 'pr-chart', 'reliability-chart', 'intervals', 'error-list', 'clusters-false_positives', 'clusters-false_negatives']) {
      // Rendered in its tab, shown or not.
      await page.getByTestId(id).waitFor({ state: 'attached', timeout: 30_000 });
    }
    // Three slice tables: a, a×b and the cross a × b (whose old key "a×b" collided with the column's).
    await expect.poll(() => page.locator('table[data-testid^="slice-table-"] caption').allTextContents(), { timeout: 60_000 }).toEqual(['By a', 'By a×b', 'By a × b']);
    // Both "(missing)" slices of a are listed: the literal category and the empty cells.
    const aRows = await page.locator('table[data-testid="slice-table-a"] tbody tr td:first-child').allTextContents();
    expect(aRows.filter((t) => t === '(missing)')).toHaveLength(2);
    const clusters = `${await page.getByTestId('clusters-false_positives').textContent()} ${await page.getByTestId('clusters-false_negatives').textContent()}`;
    expect(clusters).toContain('c = 1x');
    expect(clusters).toContain('c1 = x');
    expect(errors.filter((e) => /each_key_duplicate|duplicate/i.test(e))).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'robust-colliding-keys');
  });

  test('more classes than the softmax cap: the Task select never offers softmax, and the cap is stated', async () => {
    const next = lcg(5);
    const rows = Array.from({ length: 600 }, (_, i) => `${(next() * 10).toFixed(2)},k${i % 60}`);
    await load('many-classes.csv', `x,label\n${rows.join('\n')}\n`);
    await page.getByLabel('Label column').selectOption('label');
    expect(await page.locator('body').textContent()).not.toContain('softmax over all 60');
    await gotoStep(page, 'train');
    await expect.poll(() => page.getByTestId('class-cap').textContent()).toContain('60 classes; softmax is offered for at most 50');
    expect(await page.getByLabel('Task').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('softmax over all 60');
  });

  test('a split that leaves training with one class blocks training with the split summary\'s message', async () => {
    const next = lcg(9);
    const rows = Array.from({ length: 300 }, () => {
      const y = next() < 0.4 ? 1 : 0;
      return `${(y + next()).toFixed(3)},${y ? 'A' : 'B'},${y}`;
    });
    await load('one-class-train.csv', `x,acct,y\n${rows.join('\n')}\n`);
    await page.getByLabel('Role of acct', { exact: true }).selectOption('entity_key');
    await page.getByLabel('Split policy').selectOption('group');
    await expect.poll(() => page.getByTestId('contract-problem').textContent(), { timeout: 30_000 }).toMatch(/^The train split has no (positive|negative) rows \(\d+ of \d+/);
    expect(await page.locator('[data-finding="split:train-classes"]').textContent()).toMatch(/fail/i);
    await gotoStep(page, 'train');
    expect(await page.getByRole('button', { name: 'Train', exact: true }).isDisabled()).toBe(true);
    await gotoStep(page, 'contract');
    await screenshot(page, 'robust-impossible-split');
  });

  test('free-text and name values are flagged before training; "keep values out of the bundle" clears the flag', async () => {
    const next = lcg(3);
    const first = ['David', 'Maria', 'John', 'Aisha', 'Peter', 'Olga', 'Chen', 'Fatima', 'Lucas', 'Emma', 'Noah', 'Sofia'];
    const rows = Array.from({ length: 240 }, () => {
      const y = next() < 0.35 ? 1 : 0;
      const name = first[Math.floor(next() * 12)];
      return `${(0.8 * y + 1.5 * next()).toFixed(2)},called ${name} about ${next() < 0.5 ? 'the refund' : 'a late payment'},${next() < 0.5 ? 'north' : 'south'},${y}`;
    });
    await load('notes.csv', `amount,notes,region,y\n${rows.join('\n')}\n`);
    const finding = page.locator('[data-finding="pii:values:notes"]');
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/would write its values in clear into the bundle/);
    await page.getByLabel('Keep values of notes out of the bundle').check();
    await expect.poll(() => finding.count()).toBe(0);
    await screenshot(page, 'robust-pii-values');
    // The exported bundle holds no note and no name; its manifest says which files still hold raw values.
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
    await gotoStep(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const bundle = openBundle(new Uint8Array(readFileSync(await download.path())));
    const text = Object.entries(bundle.files).filter(([path]) => !path.endsWith('.bin')).map(([, b]) => new TextDecoder().decode(b)).join('\n');
    for (const value of [...first, 'called', 'refund', 'late payment']) expect(text.includes(value), value).toBe(false);
    const manifest = bundle.json<{ hashed_values: string[]; raw_values: { file: string; columns: string[] }[] }>('manifest.json');
    expect(manifest.hashed_values).toEqual(['notes']);
    expect(manifest.raw_values.find((e) => e.file === 'preprocessing.json')?.columns).toEqual(['region']);
    expect(bundle.json<{ hashed_columns: string[] }>('contract.json').hashed_columns).toEqual(['notes']);
  });

  test('two tabs on one contract: the stale tab is told and reloads, and never overwrites', async () => {
    const second = await context.newPage();
    second.on('pageerror', (e) => errors.push(e.message));
    await second.goto(`${url}?backend=wasm`);
    // The second tab restores the same file, so the same stored contract.
    await expect.poll(() => second.getByTestId('snapshot-summary').textContent(), { timeout: 60_000 }).toContain('notes.csv');
    await gotoStep(second, 'contract');
    await second.getByTestId('roles-table').waitFor();
    await gotoStep(page, 'contract');
    const start = await revision(page);
    expect(await revision(second)).toBe(start);
    await page.getByLabel('Role of region', { exact: true }).selectOption('ignore');
    await expect.poll(() => revision(page)).toBe(start + 1);
    // The second tab still shows the old revision; its edit is refused, and it reloads the first tab's revision.
    await second.getByLabel('Role of amount', { exact: true }).selectOption('ignore');
    await expect.poll(() => second.getByTestId('contract-conflict').textContent(), { timeout: 10_000 }).toContain(`Another tab saved revision ${start + 1}`);
    expect(await revision(second)).toBe(start + 1);
    expect(await second.getByLabel('Role of region', { exact: true }).inputValue()).toBe('ignore');
    expect(await second.getByLabel('Role of amount', { exact: true }).inputValue()).toBe('feature');
    await screenshot(second, 'robust-stale-tab');
    await second.close();
    await page.reload();
    await page.getByTestId('roles-table').waitFor({ timeout: 60_000 });
    expect(await revision(page)).toBe(start + 1);
    expect(await page.getByLabel('Role of amount', { exact: true }).inputValue()).toBe('feature');
    expect(await page.getByLabel('Role of region', { exact: true }).inputValue()).toBe('ignore');
  });

  test('a run in flight at reload is listed as interrupted, with its settings back in the form', async () => {
    await gotoStep(page, 'train');
    await page.getByLabel('Model', { exact: true }).selectOption('mlp');
    await page.getByLabel('Hidden layers').fill('7, 3');
    await page.getByLabel('Hidden layers').dispatchEvent('change');
    await page.getByLabel('Epochs').fill('5000');
    // No early stop: the run must still be going when the page reloads.
    await page.getByLabel('Patience').fill('5000');
    await page.getByLabel('Class weights').selectOption('balanced');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('train-status').textContent(), { timeout: 60_000 }).toMatch(/epoch \d+/);
    await page.reload();
    const row = page.locator('[data-testid="runs-table"] tr[data-interrupted]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getByTestId('interrupted-status').textContent()).toBe('interrupted (page reloaded)');
    expect(await row.textContent()).toMatch(/MLP 7×3 relu, 5000 epochs, balanced/);
    expect(await page.getByLabel('Model', { exact: true }).inputValue()).toBe('mlp');
    expect(await page.getByLabel('Hidden layers').inputValue()).toBe('7, 3');
    expect(await page.getByLabel('Epochs').inputValue()).toBe('5000');
    expect(await page.getByLabel('Class weights').inputValue()).toBe('balanced');
    await screenshot(page, 'robust-interrupted-run');
    // Still listed after another reload, until deleted.
    await page.reload();
    await row.waitFor({ timeout: 60_000 });
    await row.getByRole('button', { name: /Delete interrupted run/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
