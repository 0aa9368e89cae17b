import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { openBundle } from './bundle-reader.ts';
import { gotoStep, RESULTS, openApp } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;
let bundleId: string;

const titanic = Papa.parse<Record<string, string>>(readFileSync(join(process.cwd(), 'public/samples/titanic.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const DAY = 86_400_000;
const boarded = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 120) * DAY).toISOString().slice(0, 10);

/**
 * The Titanic passengers a year on, with no label yet: every age 30 years higher (age drifts), embarked "X" on every
 * 10th row (a new category), age 150 on rows 5, 15, … (out of the training range), age "unknown" on rows 7, 107, …
 * (a wrong type: rejected), and a passenger_id and boarding date to join later labels on.
 */
function shiftedCsv(rows = titanic): string {
  const out = rows.map((r, i) => {
    const { survived: _, ...rest } = r;
    const age = i % 100 === 6 ? 'unknown' : i % 10 === 4 ? '150' : r.age === '' ? '' : String(Number(r.age) + 30);
    return { passenger_id: `p${i + 1}`, boarded_at: boarded(i), ...rest, age, embarked: i % 10 === 9 ? 'X' : r.embarked };
  });
  return Papa.unparse(out, { newline: '\n' });
}

/** Labels that have arrived: passengers who boarded 30 or more days before the last boarding date (2026-04-30). */
function labelsCsv(): string {
  const rows = titanic.flatMap((r, i) => ((i % 120) <= 89 ? [{ passenger_id: `p${i + 1}`, boarded_at: boarded(i), survived: r.survived }] : []));
  return Papa.unparse(rows);
}

beforeAll(async () => {
  ({ server, browser, page } = await openApp('?sample=titanic&backend=wasm', { webgpu: false }));
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

/** Picks a snapshot: CSV text under `name`, or (csv null) the file at path `name`. */
async function pickSnapshot(name: string, csv: string | null): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose snapshot CSV' }).click()]);
  await chooser.setFiles(csv === null ? name : { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  name = name.split('/').pop() ?? name;
  await expect.poll(async () => (await page.getByTestId('snapshot-file').textContent()) ?? '').toContain(name);
}

describe('monitor: score a new snapshot with an opened bundle', () => {
  test('train and export Titanic, open the bundle, and reach the monitor view', async () => {
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 180_000 });
    await gotoStep(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const zip = new Uint8Array(readFileSync((await download.path())!));
    bundleId = openBundle(zip).json<{ bundle_id: string }>('manifest.json').bundle_id;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open bundle' }).click()]);
    await chooser.setFiles({ name: 'titanic-bundle.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.getByTestId('bundle-viewer').waitFor({ timeout: 60_000 });
    await gotoStep(page, 'monitor');
    await page.getByTestId('monitor').waitFor();
  }, 300_000);

  test('a snapshot without a required column stops before scoring, naming the column and the file', async () => {
    const noAge = Papa.unparse(titanic.map(({ age: _, survived: __, ...rest }) => rest));
    // Dropped on the snapshot zone this time, rather than picked.
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'no-age.csv', { type: 'text/csv' }));
      return dt;
    }, noAge);
    await page.getByTestId('snapshot-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await expect.poll(async () => (await page.getByTestId('snapshot-file').count()) ? await page.getByTestId('snapshot-file').textContent() : '').toContain('no-age.csv');
    expect(await page.getByTestId('absent-columns').textContent()).toContain('"age"');
    await page.getByTestId('score-start').click();
    const error = page.getByTestId('score-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toBe('no-age.csv lacks the column "age" that the model needs; nothing was scored');
    expect(await page.getByTestId('score-output').count()).toBe(0);
    expect(await page.getByTestId('score-counts').textContent()).toContain('0 scored');
    await shot(page.getByTestId('monitor'), 'monitor-stopped');
  }, 120_000);

  test('the shifted snapshot: progress to the end, rejects with reasons, flags, and scored.csv with the CLI columns', async () => {
    await pickSnapshot('titanic-2027.csv', shiftedCsv());
    await page.getByLabel('Key for later labels', { exact: true }).selectOption('passenger_id');
    await page.getByLabel('Event time', { exact: true }).selectOption('boarded_at');
    await page.getByTestId('score-start').click();
    const status = page.getByTestId('score-status');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Scored/);
    const n = titanic.length;
    const wrongType = Array.from({ length: n }, (_, i) => i).filter((i) => i % 100 === 6).length;
    expect(await status.textContent()).toMatch(new RegExp(`^Scored ${n - wrongType} of ${n} rows \\(${wrongType} rejected, \\d+ scored with a flag\\)`));
    expect(await page.getByTestId('score-counts').textContent()).toContain(`${n.toLocaleString('en-US')} rows read`);
    const rejects = page.getByTestId('rejects-table').locator('tbody tr');
    // One line per rejected cell: every rejected row has its "unknown" age, and no other row is rejected.
    const cells = await rejects.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const rejectedRows = Array.from({ length: n }, (_, i) => i).filter((i) => i % 100 === 6).map((i) => String(i + 1));
    expect([...new Set(cells.map((c) => c[0]))]).toEqual(rejectedRows);
    expect(cells.filter((c) => c[2] === 'wrong_type').map((c) => [c[0], c[1], c[3]])).toEqual(rejectedRows.map((r) => [r, 'age', 'unknown']));
    const issues = (await page.getByTestId('score-output').textContent()) ?? '';
    expect(issues).toMatch(/out_of_range \d+/);
    expect(issues).toMatch(/unseen_category \d+/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-scored').click()]);
    expect(download.suggestedFilename()).toBe('titanic-2027.scored.csv');
    const scored = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8'), { skipEmptyLines: true }).data;
    expect(scored[0]).toEqual(['row', 'score', 'decision', 'distance_to_threshold', 'calibration_rate', 'model_version', 'flags']);
    expect(scored.length - 1).toBe(n - wrongType);
    expect(scored.every((r, i) => i === 0 || r[5] === bundleId)).toBe(true);
    // Row 5 (index 4): age 150 is out of range and is flagged, not dropped; row 10 has the new port.
    expect(scored.find((r) => r[0] === '5')?.[6]).toContain('out_of_range:age');
    expect(scored.find((r) => r[0] === '10')?.[6]).toContain('unseen_category:embarked');
    expect(scored.some((r) => r[0] === '7')).toBe(false);
    await shot(page.getByTestId('monitor'), 'monitor-scored');
  }, 120_000);

  test('drift: age alerts and the summary names it; new levels re-judge without re-scoring; drift.json downloads', async () => {
    const drift = page.getByTestId('drift-report');
    const age = drift.locator('tr[data-column="age"]');
    expect(await age.getAttribute('data-level')).toBe('alert');
    expect(Number(await age.locator('[data-psi]').getAttribute('data-psi'))).toBeGreaterThan(0.25);
    expect(await drift.getByTestId('drift-summary').textContent()).toMatch(/what moved most: age \(alert: PSI \d\.\d{3}/);
    expect(await drift.locator('tr[data-column="embarked"]').textContent()).toContain('new: X');
    expect(await drift.locator('tr[data-column="score"]').count()).toBe(1);
    expect(await drift.getByTestId('drift-plot').count()).toBeGreaterThanOrEqual(3);
    await shot(drift, 'monitor-drift');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(drift, 'monitor-drift-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const status = await page.getByTestId('score-status').textContent();
    await drift.locator('[data-level="psi_warn"]').fill('50');
    await drift.locator('[data-level="psi_alert"]').fill('100');
    await drift.getByRole('button', { name: 'Apply levels' }).click();
    await expect.poll(() => age.getAttribute('data-level')).not.toBe('alert');
    expect(await page.getByTestId('score-status').textContent()).toBe(status);
    await drift.locator('[data-level="psi_warn"]').fill('0.1');
    await drift.locator('[data-level="psi_alert"]').fill('0.25');
    await drift.getByRole('button', { name: 'Apply levels' }).click();
    await expect.poll(() => age.getAttribute('data-level')).toBe('alert');

    const [download] = await Promise.all([page.waitForEvent('download'), drift.getByTestId('download-drift').click()]);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { bundle_id: string; features: { column: string; level: string }[]; levels: { psi_alert: number } };
    expect(json.bundle_id).toBe(bundleId);
    expect(json.levels.psi_alert).toBe(0.25);
    expect(json.features.find((f) => f.column === 'age')?.level).toBe('alert');
  }, 120_000);

  test('a later labels CSV joined by key and event time: realised metrics next to the promise, coverage by age', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('join-labels').click()]);
    await chooser.setFiles({ name: 'labels.csv', mimeType: 'text/csv', buffer: Buffer.from(labelsCsv()) });
    const metrics = page.getByTestId('feedback-metrics');
    await metrics.waitFor({ timeout: 60_000 });
    const n = titanic.length;
    const kept = Array.from({ length: n }, (_, i) => i).filter((i) => i % 100 !== 6);
    const labelled = kept.filter((i) => i % 120 <= 89).length;
    expect(await page.getByTestId('feedback-coverage').textContent()).toBe(
      `Labels from labels.csv: ${labelled.toLocaleString('en-US')} of ${kept.length.toLocaleString('en-US')} scored rows labelled (${(100 * labelled / kept.length).toFixed(1)}%); ${kept.length - labelled} not yet.`);
    const auc = Number(await metrics.locator('[data-metric="roc_auc"] .realised').textContent());
    expect(auc).toBeGreaterThan(0.5);
    expect(auc).toBeLessThanOrEqual(1);
    expect(await metrics.locator('[data-metric="roc_auc"] td').nth(1).textContent()).toMatch(/^\[0\.\d{4}, (0\.\d{4}|1\.0000)\]$/);
    expect(Number(await metrics.locator('[data-metric="roc_auc"] .promised').textContent())).toBeGreaterThan(0.5);
    // The newest 30 days (0-7d and 7-30d) have no labels yet; everything 30 days and older has.
    const ages = await page.getByTestId('coverage-by-age').locator('tbody tr').allTextContents();
    expect(ages[0]).toMatch(/^0-7d\d+00\.0%$/);
    expect(ages[3]).toMatch(/^90d\+\d+\d+100\.0%$/);
    await shot(page.getByTestId('feedback'), 'monitor-feedback');
  }, 120_000);

  test('Cancel keeps what was written: a partial scored.csv, said to be partial, with the PII columns when asked', async () => {
    const shifted = shiftedCsv();
    const head = shifted.slice(0, shifted.indexOf('\n') + 1);
    const big = join(RESULTS, 'monitor-big.csv');
    const copies = 600;
    writeFileSync(big, head + `${shifted.slice(head.length)}\n`.repeat(copies));
    try {
      await pickSnapshot(big, null);
      await page.getByLabel('Include PII columns', { exact: false }).check();
      await page.getByTestId('score-start').click();
      await expect.poll(async () => Number(/^([\d,]+) rows read/.exec((await page.getByTestId('score-counts').textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0), { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
      await page.getByTestId('score-cancel').click();
      const status = page.getByTestId('score-status');
      await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Cancelled: kept/);
      const [, kept, read] = /^Cancelled: kept (\d+) of (\d+) rows/.exec((await status.textContent()) ?? '') ?? [];
      expect(Number(read)).toBeLessThan(titanic.length * copies);
      expect(await page.getByTestId('score-partial').textContent()).toContain('not the whole snapshot');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-scored').click()]);
      expect(download.suggestedFilename()).toBe('monitor-big.partial.scored.csv');
      const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('row,score,decision,distance_to_threshold,calibration_rate,model_version,flags,home.dest,name');
      expect(lines.length - 1).toBe(Number(kept));
      // Every kept line is whole: its last field is a passenger's name from the sample.
      expect(lines.slice(1).every((l) => l.endsWith('"') || /[A-Za-z)]$/.test(l))).toBe(true);
      await shot(page.getByTestId('monitor'), 'monitor-cancelled');
    } finally {
      rmSync(big, { force: true });
    }
  }, 180_000);

  test('a snapshot that carries the label gets its feedback with the scores, no labels file needed', async () => {
    await pickSnapshot('titanic-labelled.csv', readFileSync(join(process.cwd(), 'public/samples/titanic.csv'), 'utf8'));
    await page.getByLabel('Include PII columns', { exact: false }).uncheck();
    await page.getByTestId('score-start').click();
    await expect.poll(async () => (await page.getByTestId('score-status').textContent()) ?? '', { timeout: 60_000 }).toMatch(/^Scored/);
    const n = titanic.length.toLocaleString('en-US');
    expect(await page.getByTestId('feedback-coverage').textContent()).toBe(`Labels from column survived: ${n} of ${n} scored rows labelled (100.0%); 0 not yet.`);
    // The training file itself: age holds steady (high-cardinality columns such as ticket do move: the reference is
    // the train split, and most tickets of the other splits are new to it).
    expect(await page.getByTestId('drift-report').locator('tr[data-column="age"]').getAttribute('data-level')).toBe('ok');
    expect(Number(await page.getByTestId('feedback-metrics').locator('[data-metric="roc_auc"] .realised').textContent())).toBeGreaterThan(0.8);
  }, 120_000);
});
