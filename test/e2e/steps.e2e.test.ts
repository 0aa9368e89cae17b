import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, launch, screenshot, startServer } from './harness.ts';

type Step = 'data' | 'contract' | 'train' | 'evaluate' | 'export' | 'monitor';
const STEPS: Step[] = ['data', 'contract', 'train', 'evaluate', 'export', 'monitor'];

let server: PreviewServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let url: string;

const badge = (step: Step) => page.locator(`nav[aria-label="Steps"] a[href="#/${step}"] .badge`);
const navLink = (step: Step) => page.locator(`nav[aria-label="Steps"] a[href="#/${step}"]`);
const nextLine = () => page.getByTestId('next-line');
const trainButton = () => page.getByRole('button', { name: 'Train', exact: true });
const shownStep = () => page.locator('[data-step]').first().getAttribute('data-step');

/** Titanic with lifeboat_status, a copy of survived: its leakage check fails. */
function titanicWithCopy(): Buffer {
  const lines = readFileSync(new URL('../../public/samples/titanic.csv', import.meta.url), 'utf8').trimEnd().split('\n');
  const at = lines[0].split(',').indexOf('survived');
  const out = [`${lines[0]},lifeboat_status`, ...lines.slice(1).map((l) => `${l},${l.split(',')[at] === '1' ? 'rescued' : 'lost'}`)];
  return Buffer.from(`${out.join('\n')}\n`);
}

/** Waits until the contract step's checks have settled (its nav status is neither "running" nor "not started"). */
async function checksSettled(): Promise<void> {
  await expect.poll(() => badge('contract').textContent(), { timeout: 60_000 }).toMatch(/^(ready|needs attention)$/);
}

beforeAll(async () => {
  ({ server, url } = await startServer());
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('one step at a time', () => {
  test('from page open, Tab and Enter on the Train link reach a focused Train button in at most 10 presses', async () => {
    await page.goto(`${url}?sample=titanic&backend=wasm`);
    await checksSettled();
    const presses: string[] = [];
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}|${el.getAttribute('href') ?? ''}|${el.textContent?.trim().slice(0, 40) ?? ''}` : '';
    });
    // The first Tab stop is the skip link, then the nav: Tab until the Train link, press Enter once.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      presses.push('Tab');
      if ((await focused()).startsWith('a|#/train|')) break;
      if (i === 0) expect(await focused()).toBe('a|#/data|Skip to Data controls');
    }
    await page.keyboard.press('Enter');
    presses.push('Enter');
    expect(await shownStep()).toBe('train');
    expect(await focused()).toBe('button||Train');
    console.log(`[keys] page open → focused Train button: ${presses.length} presses (${presses.join(', ')})`);
    expect(presses.length).toBeLessThanOrEqual(10);
    expect(new URL(page.url()).hash).toBe('#/train');
  });

  test('the skip link moves focus to the current step\'s main control', async () => {
    // A fresh document: going from #/train to #/contract on the same page would only change the hash.
    await page.goto('about:blank');
    await page.goto(`${url}?sample=titanic&backend=wasm#/contract`);
    await checksSettled();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to Contract & split controls');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Label column');
  });

  test('deep links open each step, alongside ?sample=; old anchors still land', async () => {
    for (const step of STEPS) {
      await page.goto('about:blank');
      await page.goto(`${url}?sample=titanic&backend=wasm#/${step}`);
      await page.locator(`[data-step="${step}"]`).first().waitFor();
      expect(await page.locator('section[data-step]').count()).toBe(1);
      expect(await shownStep()).toBe(step);
      expect(await navLink(step).getAttribute('aria-current')).toBe('step');
      expect(await page.title()).toMatch(/^[A-Z][\w &]+ · MLE Playground$/);
    }
    await page.goto('about:blank');
    await page.goto(`${url}?sample=titanic#setup`);
    await page.locator('[data-step="contract"]').waitFor();
    await page.goto('about:blank');
    await page.goto(`${url}?sample=titanic#train`);
    await page.locator('[data-step="train"]').waitFor();
    expect(await shownStep()).toBe('train');
  });

  test('Back and Forward move between steps; a reload stays on the step', async () => {
    await page.goto(`${url}?sample=titanic&backend=wasm`);
    await checksSettled();
    await navLink('contract').click();
    await navLink('train').click();
    expect(await shownStep()).toBe('train');
    await page.goBack();
    await expect.poll(shownStep).toBe('contract');
    await page.goBack();
    await expect.poll(shownStep).toBe('data');
    await page.goForward();
    await expect.poll(shownStep).toBe('contract');
    await page.reload();
    await page.locator('[data-step="contract"]').waitFor();
    expect(new URL(page.url()).search).toBe('?sample=titanic&backend=wasm');
    expect(await shownStep()).toBe('contract');
  });

  test('statuses and Next lines: "running" while training, then ready, "out of date" after a contract change', async () => {
    await page.goto(`${url}?sample=titanic&backend=wasm`);
    await checksSettled();
    expect(await badge('data').textContent()).toBe('ready');
    expect(await badge('train').textContent()).toBe('not started');
    expect(await badge('evaluate').textContent()).toBe('not started');
    // Titanic's boat and body warn about leakage until dismissed: open findings, so the contract asks for attention.
    expect(await badge('contract').textContent()).toBe('needs attention');
    expect(await nextLine().textContent()).toMatch(/^\s*Next: \d+ findings are open — resolve them in Contract & split\.\s*Go to Contract & split →\s*$/);
    expect(await page.getByTestId('announcer').textContent()).toBe('Loaded titanic.csv: 1,309 rows × 14 columns');

    await gotoStep(page, 'train');
    expect(await nextLine().textContent()).toContain('Next: press Train.');
    // Every status the Train badge shows, recorded in the page so a short run cannot slip between two polls.
    await page.evaluate(() => {
      const w = window as unknown as { __trainBadge: string[] };
      w.__trainBadge = [];
      const el = document.querySelector('nav[aria-label="Steps"] a[href="#/train"] .badge');
      if (!el) throw new Error('no Train badge');
      new MutationObserver(() => w.__trainBadge.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true, attributes: true });
    });
    await trainButton().click();
    await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
    const seen = await page.evaluate(() => (window as unknown as { __trainBadge: string[] }).__trainBadge);
    expect(seen[0]).toBe('running');
    await expect.poll(() => badge('train').textContent()).toBe('ready');
    await expect.poll(() => page.getByTestId('announcer').textContent()).toMatch(/^Run completed: logistic regression, \d+ iterations in [\d.]+ s\.$/);
    expect(await nextLine().textContent()).toMatch(/Next: pick a threshold\.\s*Go to Evaluate →/);
    await page.getByTestId('next-link').click();
    expect(await shownStep()).toBe('evaluate');
    await expect.poll(() => badge('evaluate').textContent(), { timeout: 60_000 }).toBe('ready');
    expect(await nextLine().textContent()).toContain('Next: pick a threshold (a strategy above, or the slider).');
    expect(await badge('export').textContent()).toBe('not started');

    // Ignoring a feature changes what the run was trained on: Train, Evaluate and Export are out of date.
    await gotoStep(page, 'contract');
    await page.getByLabel('Role of fare', { exact: true }).selectOption('ignore');
    await expect.poll(() => badge('evaluate').textContent()).toBe('out of date');
    expect(await badge('train').textContent()).toBe('out of date');
    expect(await badge('export').textContent()).toBe('out of date');
    await gotoStep(page, 'evaluate');
    expect(await nextLine().textContent()).toContain('Next: the setup changed since this run was trained: train again.');
    // Putting it back makes the run current again.
    await gotoStep(page, 'contract');
    await page.getByLabel('Role of fare', { exact: true }).selectOption('feature');
    await expect.poll(() => badge('evaluate').textContent()).toBe('ready');
    expect(await badge('train').textContent()).toBe('ready');
    // Reading the file again with other missing-value tokens changes the data under the run (same snapshot ID).
    await gotoStep(page, 'data');
    const tokens = page.getByLabel('Missing-value tokens');
    const before = await tokens.inputValue();
    await tokens.fill(`${before}, S`);
    await page.getByRole('button', { name: 'Re-read with these tokens' }).click();
    await expect.poll(() => badge('evaluate').textContent()).toBe('out of date');
    expect(await badge('export').textContent()).toBe('out of date');
    await tokens.fill(before);
    await page.getByRole('button', { name: 'Re-read with these tokens' }).click();
    await expect.poll(() => badge('evaluate').textContent(), { timeout: 30_000 }).toBe('ready');
  });

  test('leaving a step and coming back keeps its state: the slider, the loss chart, the export form, typed reasons', async () => {
    await gotoStep(page, 'contract');
    const reason = page.getByLabel('Reason to dismiss leak:single-feature:boat', { exact: true });
    await reason.fill('Half-typed reason');
    await page.getByLabel('Gate value', { exact: true }).fill('0.77');
    await gotoStep(page, 'evaluate');
    const slider = page.getByRole('slider', { name: 'Threshold' });
    await slider.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    const moved = await slider.inputValue();
    await gotoStep(page, 'export');
    await page.getByRole('checkbox', { name: 'Include' }).check();
    await page.getByLabel('Parity rows').fill('7');
    await gotoStep(page, 'train');
    expect(await page.getByTestId('runs-table').locator('tbody tr').count()).toBe(1);
    expect(await page.locator('[data-step="train"] svg').count()).toBeGreaterThan(0);
    await gotoStep(page, 'evaluate');
    expect(await page.getByRole('slider', { name: 'Threshold' }).inputValue()).toBe(moved);
    await gotoStep(page, 'export');
    expect(await page.getByRole('checkbox', { name: 'Include' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Parity rows').inputValue()).toBe('7');
    await gotoStep(page, 'contract');
    expect(await reason.inputValue()).toBe('Half-typed reason');
    expect(await page.getByLabel('Gate value', { exact: true }).inputValue()).toBe('0.77');
  });

  test('the header\'s Open bundle, from any step, opens the bundle in the Monitor step', async () => {
    await gotoStep(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const zip = readFileSync((await download.path())!);
    expect(await badge('export').textContent()).toBe('ready');
    expect(await nextLine().textContent()).toMatch(/Next: open the bundle to score new data and watch for drift\.\s*Go to Monitor →/);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open bundle' }).click()]);
    await chooser.setFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: zip });
    await page.getByTestId('bundle-viewer').waitFor({ timeout: 60_000 });
    expect(await shownStep()).toBe('monitor');
    expect(new URL(page.url()).hash).toBe('#/monitor');
    expect(await badge('monitor').textContent()).toBe('ready');
    // One Open bundle button on the Monitor step: the header's entry steps aside there.
    expect(await page.getByRole('button', { name: 'Open bundle' }).count()).toBe(1);
  });

  test('screenshots of every step at 1440×900 and 390×844, with the document height of each', async () => {
    const heights: Record<string, number> = {};
    for (const step of STEPS) {
      await gotoStep(page, step);
      if (step === 'evaluate') await expect.poll(() => badge('evaluate').textContent(), { timeout: 60_000 }).not.toBe('running');
      await page.waitForTimeout(300);
      heights[step] = await page.evaluate(() => document.documentElement.scrollHeight);
      await screenshot(page, `steps-${step}-1440`);
    }
    console.log(`[heights] document height at 1440×900 (px): ${JSON.stringify(heights)}`);
    await page.setViewportSize({ width: 390, height: 844 });
    const wide: Record<string, number> = {};
    const tall: Record<string, number> = {};
    for (const step of STEPS) {
      await gotoStep(page, step);
      await page.waitForTimeout(300);
      wide[step] = await page.evaluate(() => document.documentElement.scrollWidth);
      tall[step] = await page.evaluate(() => document.documentElement.scrollHeight);
      if (wide[step] > 390) {
        // Name what sticks out, for whoever owns it (tables should scroll in their own box).
        const out = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) => {
          const r = el.getBoundingClientRect();
          const parent = el.parentElement?.getBoundingClientRect();
          return r.right > window.innerWidth + 1 && (!parent || parent.right <= window.innerWidth + 1);
        }).slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} (${Math.round(el.getBoundingClientRect().width)} px)`));
        console.log(`[widths] ${step} at 390 px: wider than the screen: ${out.join(', ')}`);
      }
      await screenshot(page, `steps-${step}-390`);
      // The nav is a top bar at this width: no sidebar beside the step.
      const nav = await page.locator('nav[aria-label="Steps"]').boundingBox();
      expect(nav?.width).toBeLessThanOrEqual(390);
      expect(nav?.height).toBeLessThan(200);
    }
    console.log(`[widths] document scroll width at 390×844 (px): ${JSON.stringify(wide)}; heights ${JSON.stringify(tall)}`);
    // No step scrolls sideways at phone width, the opened bundle's monitor view included.
    for (const step of STEPS) expect(wide[step], `${step} is wider than 390 px`).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('an open FAIL finding makes Contract "needs attention" and the Next lines point back to it', async () => {
    await gotoStep(page, 'data');
    await page.locator('input[type=file]').setInputFiles({ name: 'titanic-copy.csv', mimeType: 'text/csv', buffer: titanicWithCopy() });
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent()).toContain('titanic-copy.csv');
    await expect.poll(() => page.getByTestId('announcer').textContent()).toBe('Loaded titanic-copy.csv: 1,309 rows × 15 columns');
    await checksSettled();
    expect(await badge('contract').textContent()).toBe('needs attention');
    await gotoStep(page, 'train');
    expect(await trainButton().isDisabled()).toBe(true);
    expect(await nextLine().textContent()).toMatch(/Next: \d+ findings are open — resolve them in Contract & split\.\s*Go to Contract & split →/);
    await page.getByTestId('next-link').click();
    expect(await shownStep()).toBe('contract');
    expect(await nextLine().textContent()).toContain('Leakage check failed for "lifeboat_status"');
    await screenshot(page, 'steps-contract-fail');
  });
});
