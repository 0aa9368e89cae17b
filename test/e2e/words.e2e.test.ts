import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, openPanel, screenshot, openApp } from './harness.ts';

// What a user reads on Titanic: class names instead of codes, thresholds for reading, PII masked, charts in dark mode.
let server: PreviewServer;
let browser: Browser;
let page: Page;

const PASSENGER = 'Allen, Miss. Elisabeth Walton';

/** Significant digits of a decimal or scientific number as printed ("0.05619" → 4). */
const significant = (text: string): number => text.replace(/e.*$/, '').replace(/^[-0.]+/, '').replace('.', '').length;

beforeAll(async () => {
  ({ server, browser, page } = await openApp('?backend=wasm&sample=titanic'));
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('words, not codes, on Titanic', () => {
  test('the column profile masks PII (passenger names) until the user reveals a column', async () => {
    await gotoStep(page, 'data');
    const profile = page.getByTestId('profile-table');
    await page.getByText(/^Column profiles/).click();
    await profile.waitFor();
    // The whole Data step, the row preview included, never shows a passenger name.
    expect(await page.locator('#data').textContent()).not.toContain(PASSENGER);
    const nameRow = profile.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^name$/ }) });
    expect(await nameRow.getByTestId('pii-masked').textContent()).toContain('PII');
    expect(await profile.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^home\.dest$/ }) }).getByTestId('pii-masked').count()).toBe(1);
    await screenshot(page, 'words-profile-masked');
    await profile.screenshot({ path: 'test-results/words-profile-table.png' });
    await page.getByRole('button', { name: 'Reveal values of name' }).click();
    await expect.poll(() => nameRow.textContent()).toContain('(1)');
    expect(await page.getByRole('button', { name: 'Hide values of name' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Hide values of name' }).click();
    await expect.poll(() => nameRow.getByTestId('pii-masked').count()).toBe(1);
    expect(await profile.textContent()).not.toContain(PASSENGER);
  });

  test('the matrix and its reading name the outcomes', async () => {
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
    await gotoStep(page, 'evaluate');
    const matrix = page.getByTestId('confusion-matrix');
    const headers = (await matrix.locator('th').allTextContents()).map((t) => t.trim());
    expect(headers).toEqual(expect.arrayContaining(['Predicted “survived”', 'Predicted “not survived”', 'Actually “survived”', 'Actually “not survived”']));
    expect(await matrix.textContent()).not.toMatch(/other|Predicted 1|Actual 1/);
    expect(await page.getByTestId('reading').textContent()).toMatch(/^Of \d+ cases predicted “survived”, \d+ (is a false alarm|are false alarms) \(actually “not survived”\); \d+ of \d+ cases actually “survived” (is|are) missed\.$/);
    // The error list reads the actual outcome in words too (the report is computed once Evaluate is shown).
    await page.getByTestId('error-list').locator('tbody tr').first().waitFor({ state: 'attached', timeout: 60_000 });
    const outcomes = await page.getByTestId('error-list').locator('tbody tr td:nth-child(4)').allTextContents();
    expect(outcomes.length).toBeGreaterThan(0);
    for (const o of outcomes) expect(['survived', 'not survived']).toContain(o);
  });

  test('a chosen threshold prints with at most 4 significant digits; the title holds the full value', async () => {
    await page.getByLabel('Threshold strategy').selectOption('max-f1');
    await page.getByRole('button', { name: 'Choose threshold' }).click();
    const chosen = page.getByTestId('chosen-threshold-value');
    await chosen.waitFor();
    const shown = (await chosen.textContent()) ?? '';
    const full = Number(await chosen.getAttribute('title'));
    expect(Number.isFinite(full)).toBe(true);
    expect(significant(shown)).toBeLessThanOrEqual(4);
    expect(Math.abs(Number(shown) - full)).toBeLessThanOrEqual(Math.abs(full) * 5e-4);
    // The threshold control's editable value reads the same way, with the full value in its title.
    expect(Number(await page.getByTestId('threshold-value').getAttribute('title'))).toBe(full);
    expect(significant(await page.getByLabel('Threshold value').inputValue())).toBeLessThanOrEqual(4);
    expect(Math.abs(Number(await page.getByLabel('Threshold value').inputValue()) - full)).toBeLessThanOrEqual(Math.abs(full) * 5e-4);
    console.log(`[words] chosen threshold shown "${shown}", full ${full}`);
  });

  test('dark mode: the score histogram bars have an opaque-enough fill that differs from the background', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openPanel(page, 'Scores & calibration');
    const histogram = page.getByTestId('score-histogram');
    await histogram.locator('svg rect').first().waitFor({ timeout: 60_000 });
    const look = await page.evaluate(() => {
      const bg = getComputedStyle(document.documentElement).backgroundColor;
      const rects = [...document.querySelectorAll('[data-testid="score-histogram"] svg g[aria-label="rect"] rect, [data-testid="score-histogram"] svg rect')] as SVGRectElement[];
      const bars = rects.filter((r) => Number(r.getAttribute('height') ?? 0) > 0);
      return {
        bg,
        bars: bars.map((r) => {
          const s = getComputedStyle(r);
          // fill-opacity is inherited, so the rect's computed value already includes its group's.
          const group = r.parentElement ? getComputedStyle(r.parentElement) : s;
          return { fill: s.fill, opacity: Number(s.fillOpacity), blend: s.mixBlendMode, groupBlend: group.mixBlendMode };
        }),
      };
    });
    expect(look.bg).toBe('rgb(20, 23, 28)');
    expect(look.bars.length).toBeGreaterThan(4);
    const fills = new Set(look.bars.map((b) => b.fill));
    for (const b of look.bars) {
      expect(b.fill).toMatch(/^rgb/);
      expect(b.fill).not.toBe(look.bg);
      expect(b.opacity).toBeGreaterThan(0.3);
      expect(b.blend).toBe('normal');
      expect(b.groupBlend).toBe('normal');
    }
    // Both classes are drawn, in the dark scheme's own colours.
    expect(fills.size).toBe(2);
    console.log(`[words] dark histogram fills ${[...fills].join(', ')} on ${look.bg}`);
    await page.locator('#evaluate').screenshot({ path: 'test-results/words-evaluate-dark.png' });
    await histogram.screenshot({ path: 'test-results/words-histogram-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await histogram.screenshot({ path: 'test-results/words-histogram-light.png' });
  });
});
