import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, launch, newPage, RESULTS, startServer } from './harness.ts';

// The accessibility audit of issue 13: axe-core on every step, light and dark, desktop and phone, with the Titanic
// sample loaded and one logistic-regression run trained. Serious and critical violations fail; every violation is
// printed so the report can list the minor ones too.

let server: PreviewServer;
let browser: Browser;
let page: Page;

type Step = 'data' | 'contract' | 'train' | 'evaluate' | 'export' | 'monitor';
const STEPS: Step[] = ['data', 'contract', 'train', 'evaluate', 'export', 'monitor'];
const SIZES = [{ width: 1440, height: 900 }, { width: 390, height: 844 }] as const;
const SCHEMES = ['light', 'dark'] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

// After the page has downloaded a bundle, axe's default run (which finishes in a second, blank page of the context)
// never returns; the monitor audit runs axe in the page alone (legacy mode: same rules, no cross-frame step).
let legacyAxe = false;

interface Found { where: string; id: string; impact: string; help: string; targets: string[] }

/** Runs axe over the whole document (or `include`), logs every violation and returns the serious/critical ones. */
async function audit(where: string, include?: string): Promise<Found[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(legacyAxe);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const found = violations.map((v) => ({
    where, id: v.id, impact: v.impact ?? 'unknown', help: v.help,
    targets: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ').trim().slice(0, 160)})` : ''}`),
  }));
  for (const f of found) console.log(`[axe] ${f.where}: ${f.impact} ${f.id} (${f.help}) × ${f.targets.length}\n    ${f.targets.join('\n    ')}`);
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** Logs axe's best-practice findings (heading order, landmarks, …): reported, not failed on, as they are not WCAG criteria. */
async function bestPractice(where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['best-practice']).setLegacyMode(legacyAxe).analyze();
  for (const v of violations) console.log(`[axe best-practice] ${where}: ${v.impact ?? 'unknown'} ${v.id} (${v.help}) × ${v.nodes.length}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('; ')}`);
}

/** Whether the step renders a view right now (monitor renders only once a bundle is open, on some builds). */
async function shows(step: Step): Promise<boolean> {
  try {
    await gotoStep(page, step);
    return true;
  } catch {
    return false;
  }
}

/** Opens every closed disclosure of the current step so its contents are audited too. */
async function openDisclosures(step: Step): Promise<void> {
  await page.evaluate((s) => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>(`[data-step="${s}"] details`)) d.open = true;
  }, step);
}

/** Audits each tab of every tablist in the step (the first audit saw the selected one); returns what failed. */
async function auditTabs(step: Step, where: string, width: number): Promise<Found[]> {
  const failed: Found[] = [];
  const tabs = page.locator(`[data-step="${step}"] [role="tab"]`);
  const n = await tabs.count();
  for (let i = 0; i < n; i++) {
    const tab = tabs.nth(i);
    if ((await tab.getAttribute('aria-selected')) === 'true' || !(await tab.isVisible())) continue;
    const name = (await tab.textContent())?.trim() ?? String(i);
    // A click event rather than a pointer click: a sticky bar may cover the tab where the page scrolled it.
    await tab.dispatchEvent('click');
    await openDisclosures(step);
    if (step === 'evaluate') await checkCharts(`${where} tab "${name}"`, width);
    failed.push(...await audit(`${where} tab "${name}"`, `[data-step="${step}"]`));
  }
  return failed;
}

/** The outermost elements that stick out past the window's right edge (their parent does not), to say what to fix. */
async function widest(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const right = el.getBoundingClientRect().right;
      if (right > innerWidth + 1 && clipped(el)) continue;
      const parent = el.parentElement?.getBoundingClientRect().right ?? 0;
      if (right > innerWidth + 1 && parent <= innerWidth + 1) out.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''} to ${Math.round(right)} px`);
    }
    return out.slice(0, 12);
  });
}

const CHARTS = ['sweep-chart', 'roc-chart', 'pr-chart', 'reliability-chart', 'score-histogram'];

/** Evaluate's charts: each one's accessible name, its drawn svg width and the width of the box it sits in (px). */
async function drawnCharts(): Promise<{ id: string; name: string | null; drawn: number; box: number }[]> {
  return page.evaluate((ids) => ids.flatMap((id) => {
    const holder = document.querySelector(`[data-step="evaluate"] [data-testid="${id}"]`);
    const svg = holder?.querySelector('svg[role="img"]') as SVGSVGElement | null | undefined;
    const box = holder?.closest('figure');
    // Charts in a hidden tab panel are not on screen: only the shown ones count.
    return holder && svg && box && box.checkVisibility() ? [{ id, name: svg.getAttribute('aria-label'), drawn: svg.width.baseVal.value, box: box.clientWidth }] : [];
  }), CHARTS);
}

/** Every Evaluate chart on screen (the sweep always; the others behind their tabs) is a named image drawn at its box's width. */
async function checkCharts(where: string, width: number): Promise<void> {
  // Charts render in their own task and again once their box's width is known: wait for that to settle.
  await expect.poll(async () => {
    const charts = await drawnCharts();
    return charts.every((c) => c.drawn <= c.box + 1);
  }, { timeout: 15_000 }).toBe(true);
  const charts = await drawnCharts();
  console.log(`[charts] ${where}: ${JSON.stringify(charts)}`);
  if (!where.includes(' tab ')) expect(charts.map((c) => c.id)).toContain('sweep-chart');
  for (const c of charts) {
    expect(c.name, c.id).toBeTruthy();
    // Drawn at its box's width (re-rendered on resize), not a desktop chart shrunk into a phone.
    expect(c.drawn, c.id).toBeLessThanOrEqual(c.box + 1);
    if (width === 390) expect(c.drawn, c.id).toBeGreaterThanOrEqual(Math.min(c.box, 300) - 1);
  }
}

/** Evaluate's threshold slider, reading and confusion matrix: the height (px) from the top of the first to the bottom of the last. */
async function onOneScreen(): Promise<number | null> {
  return page.evaluate(() => {
    const step = document.querySelector('[data-step="evaluate"]');
    const parts = [step?.querySelector('input[type="range"], [role="slider"]'), step?.querySelector('[data-testid="reading"]'), step?.querySelector('[data-testid="confusion-matrix"]')];
    if (parts.some((p) => !p)) return null;
    const boxes = parts.map((p) => (p as Element).getBoundingClientRect());
    return Math.round(Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)));
  });
}

/** Saves the step as test-results/a11y-<step>-<width>-<scheme>.png: the whole page, or the step alone on the long page. */
async function shoot(step: Step, width: number, scheme: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `a11y-${step}-${width}-${scheme}.png`);
  const visibleSteps = await page.locator('[data-step]:visible').count();
  if (visibleSteps > 1) await page.locator(`[data-step="${step}"]`).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

beforeAll(async () => {
  let url: string;
  ({ server, url } = await startServer());
  browser = await launch();
  ({ page } = await newPage(browser));
  await page.setViewportSize(SIZES[0]);
  await page.goto(`${url}?backend=wasm&sample=titanic`);
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor({ timeout: 60_000 });
  await gotoStep(page, 'train');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility audit (axe-core, WCAG 2.1 A/AA) with Titanic and one LR run', () => {
  for (const size of SIZES) {
    for (const scheme of SCHEMES) {
      test(`${size.width}×${size.height} ${scheme}: no serious or critical violation and no sideways page scroll on any step`, async () => {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        const failed: Found[] = [];
        const overflow: string[] = [];
        let audited = 0;
        for (const step of STEPS) {
          if (!(await shows(step))) { console.log(`[axe] ${step}: no view without a bundle; skipped`); continue; }
          await openDisclosures(step);
          if (step === 'evaluate') await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 60_000 }).toBe('');
          // Charts render in their own task after a resize; let them settle before auditing and measuring.
          await page.waitForTimeout(400);
          const where = `${step} ${size.width} ${scheme}`;
          failed.push(...await audit(where));
          failed.push(...await auditTabs(step, where, size.width));
          if (size.width === 1440 && scheme === 'light') await bestPractice(where);
          audited++;
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          console.log(`[layout] ${where}: scrollWidth ${scrollWidth}, innerWidth ${innerWidth}`);
          if (scrollWidth > innerWidth) overflow.push(`${where}: page is ${scrollWidth} px wide in a ${innerWidth} px window; widest: ${(await widest()).join(', ')}`);
          // Blend modes vanish on one of the two backgrounds (a multiply on dark): none anywhere.
          expect(await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => getComputedStyle(e).mixBlendMode !== 'normal').length)).toBe(0);
          if (step === 'evaluate') await checkCharts(where, size.width);
          if (step === 'evaluate' && size.width === 390) {
            const span = await onOneScreen();
            console.log(`[layout] ${where}: threshold control, reading and matrix span ${span} px of ${size.height}`);
            expect(span).not.toBeNull();
            expect(span ?? Infinity).toBeLessThanOrEqual(size.height);
          }
          await shoot(step, size.width, scheme);
        }
        expect(audited).toBeGreaterThanOrEqual(5);
        expect(failed.map((f) => `${f.where}: ${f.impact} ${f.id}: ${f.targets.join('; ')}`)).toEqual([]);
        expect(overflow).toEqual([]);
      });
    }
  }
});

/**
 * 300 Titanic passengers a year on, labels included (so feedback renders with the scores): every age 30 years higher
 * (drift), embarked "X" on every 10th row (a new level), age "unknown" on rows 7, 107, 207 (rejected), and a key and
 * boarding date for the labels' join and coverage by age.
 */
function shiftedSnapshot(): string {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(process.cwd(), 'public/samples/titanic.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.slice(0, 300);
  return Papa.unparse(rows.map((r, i) => ({
    passenger_id: `p${i + 1}`, boarded_at: new Date(Date.UTC(2026, 0, 1) + (i % 120) * 86_400_000).toISOString().slice(0, 10),
    ...r, age: i % 100 === 6 ? 'unknown' : r.age === '' ? '' : String(Number(r.age) + 30), embarked: i % 10 === 9 ? 'X' : r.embarked,
  })), { newline: '\n' });
}

/** The monitor view's drift plots and shadow charts: each one's accessible name, drawn width and box width (px). */
async function monitorCharts(): Promise<{ name: string | null; drawn: number; box: number }[]> {
  return page.evaluate(() => [...document.querySelectorAll('[data-step="monitor"] figure')].filter((f) => f.checkVisibility() && f.querySelector('svg')).map((f) => {
    const img = f.querySelector('[role="img"]');
    const svg = f.querySelector('svg') as SVGSVGElement;
    return { name: img?.getAttribute('aria-label') ?? null, drawn: Math.round(svg.getBoundingClientRect().width), box: f.clientWidth };
  }));
}

describe('accessibility audit of the monitor view with an opened bundle and a scored, shifted snapshot', () => {
  test('export the run, open its bundle, score a shifted snapshot and compare it in shadow', async () => {
    legacyAxe = true;
    await page.setViewportSize(SIZES[0]);
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoStep(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const zip = readFileSync((await download.path())!);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open bundle' }).click()]);
    await chooser.setFiles({ name: 'titanic-bundle.zip', mimeType: 'application/zip', buffer: zip });
    await page.getByTestId('bundle-viewer').waitFor({ timeout: 60_000 });
    await gotoStep(page, 'monitor');
    await page.getByTestId('monitor').waitFor();
    const csv = Buffer.from(shiftedSnapshot());
    const [picker] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose snapshot CSV' }).click()]);
    await picker.setFiles({ name: 'titanic-2027.csv', mimeType: 'text/csv', buffer: csv });
    await expect.poll(async () => (await page.getByTestId('snapshot-file').textContent()) ?? '').toContain('titanic-2027.csv');
    await page.getByLabel('Key for later labels', { exact: true }).selectOption('passenger_id');
    await page.getByLabel('Event time', { exact: true }).selectOption('boarded_at');
    await page.getByTestId('score-start').click();
    await expect.poll(async () => (await page.getByTestId('score-status').textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Scored/);
    await page.getByTestId('rejects-table').waitFor();
    await page.getByTestId('drift-report').waitFor();
    await page.getByTestId('feedback-metrics').waitFor({ timeout: 60_000 });
    // The same bundle on both sides: enough to render the shadow report's tables and charts.
    const shadow = page.getByTestId('shadow');
    await shadow.getByTestId('shadow-champion').getByRole('button', { name: 'Use the opened bundle' }).click();
    await shadow.getByTestId('shadow-candidate').getByRole('button', { name: 'Use the opened bundle' }).click();
    await shadow.getByLabel('New snapshot (CSV)').setInputFiles({ name: 'titanic-2027.csv', mimeType: 'text/csv', buffer: csv });
    await shadow.getByTestId('shadow-compare').click();
    await Promise.race([shadow.getByTestId('shadow-rate').waitFor({ timeout: 60_000 }), shadow.getByTestId('shadow-error').waitFor({ timeout: 60_000 })]);
    console.log(`[monitor] shadow: ${(await shadow.getByTestId('shadow-error').count()) ? await shadow.getByTestId('shadow-error').textContent() : 'compared'}`);
  }, 240_000);

  for (const size of SIZES) {
    for (const scheme of SCHEMES) {
      test(`${size.width}×${size.height} ${scheme}: the scored monitor view has no serious or critical violation, no sideways scroll, named charts`, async () => {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await openDisclosures('monitor');
        await page.waitForTimeout(400);
        const where = `monitor scored ${size.width} ${scheme}`;
        const failed = await audit(where, '[data-step="monitor"]');
        failed.push(...await auditTabs('monitor', where, size.width));
        if (size.width === 1440 && scheme === 'light') await bestPractice(where);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        console.log(`[layout] ${where}: scrollWidth ${scrollWidth}, innerWidth ${innerWidth}`);
        const report = ((await page.frameLocator('[data-testid="bundle-report"]').locator('body').textContent()) ?? '').trim();
        console.log(`[monitor] report.html in the viewer: ${report.length} characters of text`);
        expect(report.length).toBeGreaterThan(1000);
        const charts = await monitorCharts();
        console.log(`[charts] ${where}: ${JSON.stringify(charts)}`);
        mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: join(RESULTS, `a11y-monitor-scored-${size.width}-${scheme}.png`), fullPage: true });
        expect(failed.map((f) => `${f.where}: ${f.impact} ${f.id}: ${f.targets.join('; ')}`)).toEqual([]);
        expect(scrollWidth > innerWidth ? `${scrollWidth} px wide; widest: ${(await widest()).join(', ')}` : '').toBe('');
        expect(charts.length).toBeGreaterThanOrEqual(3);
        for (const c of charts) {
          expect(c.name).toBeTruthy();
          expect(c.drawn).toBeLessThanOrEqual(c.box + 1);
        }
      }, 120_000);
    }
  }
});
