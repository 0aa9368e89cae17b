import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { buildCli } from '../../scripts/build-cli.js';
import { openBundle } from './bundle-reader.ts';
import { gotoStep, RESULTS, openApp } from './harness.ts';

const run = promisify(execFile);
const TITANIC = join(process.cwd(), 'public/samples/titanic.csv');
let server: PreviewServer;
let browser: Browser;
let page: Page;
let dir: string;
const zips: { lr: string; mlp: string } = { lr: '', mlp: '' };
const ids: { lr: string; mlp: string } = { lr: '', mlp: '' };

async function shot(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: join(RESULTS, `${name}.png`) });
}

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('node', ['bin/mle-playground.js', ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

/** Trains one run on the current settings and exports its bundle to `name` in the temp folder; returns its path and ID. */
async function trainAndExport(name: string): Promise<{ path: string; id: string }> {
  await gotoStep(page, 'train');
  const before = await page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0), { timeout: 180_000 }).toBe(before + 1);
  await gotoStep(page, 'export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
  const path = join(dir, name);
  writeFileSync(path, readFileSync((await download.path())!));
  return { path, id: openBundle(new Uint8Array(readFileSync(path))).json<{ bundle_id: string }>('manifest.json').bundle_id };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mle-shadow-e2e-'));
  await buildCli();
  ({ server, browser, page } = await openApp('?sample=titanic&backend=wasm', { webgpu: false }));
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('shadow comparison of two Titanic bundles', () => {
  test('LR champion vs MLP candidate: the page\'s figures equal the CLI\'s on the same files', async () => {
    ({ path: zips.lr, id: ids.lr } = await trainAndExport('lr.zip'));
    await gotoStep(page, 'train');
    await page.getByLabel('Model', { exact: true }).selectOption('mlp');
    await page.getByLabel('Epochs').fill('30');
    await page.getByLabel('Epochs').blur();
    ({ path: zips.mlp, id: ids.mlp } = await trainAndExport('mlp.zip'));
    expect(ids.lr).not.toBe(ids.mlp);

    // The LR bundle is opened in the viewer and used as the champion; the MLP zip is picked as the candidate.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open bundle' }).click()]);
    await chooser.setFiles(zips.lr);
    await page.getByTestId('bundle-viewer').waitFor({ timeout: 60_000 });
    await gotoStep(page, 'monitor');
    const panel = page.getByTestId('shadow');
    await panel.getByTestId('shadow-champion').getByRole('button', { name: 'Use the opened bundle' }).click();
    await panel.getByLabel('Candidate bundle').setInputFiles(zips.mlp);
    await expect.poll(() => panel.getByTestId('shadow-candidate-name').textContent()).toBe('mlp.zip');
    await panel.getByLabel('New snapshot (CSV)').setInputFiles(TITANIC);
    await panel.getByTestId('shadow-compare').click();
    const rate = panel.getByTestId('shadow-rate');
    await rate.waitFor({ timeout: 120_000 });
    await panel.getByLabel('Cost of a false negative').fill('5');
    await panel.getByLabel('Cost of a false negative').blur();
    await panel.getByLabel('Shadow slice column').selectOption('sex');
    await panel.getByTestId('shadow-slices').waitFor({ timeout: 30_000 });
    await expect.poll(() => panel.getByTestId('shadow-cost-expected').textContent()).toContain('Expected');

    // Reference 1: the CLI's shadow command on the same zips and file.
    const ref = await cli(['shadow', zips.lr, zips.mlp, TITANIC, '--slice', 'sex', '--cost-fp', '1', '--cost-fn', '5']);
    expect(ref.code).toBe(0);
    type Report = {
      rows: number; disagreements: number; disagreement_rate: number; newly_positive: number; newly_negative: number;
      by_slice: { value: string; rows: number; disagreements: number }[];
      switching_cost: { expected: { change: number }; realised: { change: number } };
      paired: { delta: Record<string, { estimate: number }> };
    };
    const r = JSON.parse(ref.stdout) as Report;
    // Reference 2: each bundle scored on its own by `score`; the differing decisions counted here.
    const decisions = async (zip: string): Promise<Map<string, string>> => {
      const out = join(dir, `${zip.endsWith('lr.zip') ? 'lr' : 'mlp'}-scored.csv`);
      expect((await cli(['score', zip, TITANIC, '--out', out])).code).toBe(0);
      const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
      return new Map(rows.map((x) => [x.row as string, x.decision as string]));
    };
    const [a, b] = [await decisions(zips.lr), await decisions(zips.mlp)];
    const differing = [...a].filter(([row, d]) => b.has(row) && b.get(row) !== d).length;
    expect(r.disagreements).toBe(differing);
    expect(differing).toBeGreaterThan(0);

    expect(await rate.getAttribute('data-disagreements')).toBe(String(differing));
    expect(await rate.getAttribute('data-rows')).toBe(String(r.rows));
    expect(Number(await rate.getAttribute('data-rate'))).toBe(r.disagreement_rate);
    expect(await rate.textContent()).toContain(`${r.newly_positive} newly positive, ${r.newly_negative} newly negative`);
    const slices = await panel.getByTestId('shadow-slices').locator('tbody tr').allTextContents();
    expect(slices).toEqual(r.by_slice.map((s) => `${s.value}${s.rows}${s.disagreements}${(100 * s.disagreements / s.rows).toFixed(1)}%`));
    const signed2 = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
    expect(await panel.getByTestId('shadow-cost-expected').locator('td').nth(2).textContent()).toBe(signed2(r.switching_cost.expected.change));
    expect(await panel.getByTestId('shadow-cost-realised').locator('td').nth(2).textContent()).toBe(signed2(r.switching_cost.realised.change));
    const auc = r.paired.delta.roc_auc.estimate;
    expect(await panel.getByTestId('shadow-paired').locator('tbody tr').first().textContent()).toContain(`roc_auc${auc >= 0 ? '+' : ''}${auc.toFixed(3)}`);
    // The listed rows carry row numbers and scores only: no passenger name is echoed.
    const listed = panel.getByTestId('shadow-rows').locator('tbody tr');
    expect(await listed.count()).toBe(Math.min(50, differing));
    expect(await panel.getByTestId('shadow-rows').textContent()).not.toContain('Allen');
    await panel.evaluate((el) => el.scrollIntoView());
    await shot(panel, 'shadow-report');
  });

  test('a trigger that fires names the champion, its button ships the champion zip unchanged, and the ledger records the comparison', async () => {
    const panel = page.getByTestId('shadow');
    // "recall below 0.99": the candidate's realised recall on Titanic is well under it, so the trigger fires.
    await panel.getByLabel('Trigger 2 value').fill('0.99');
    const banner = panel.getByTestId('shadow-rollback');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.getByTestId('shadow-restore-id').textContent()).toBe(ids.lr);
    expect(await banner.getByTestId('shadow-restore-file').textContent()).toBe('lr.zip');
    expect(await banner.textContent()).toContain('recall < 0.99');
    // The CLI judges the same trigger the same way: exit 1, naming the same champion.
    const trigger = join(dir, 'trigger.json');
    writeFileSync(trigger, JSON.stringify([{ metric: 'psi_score', above: 0.25 }, { metric: 'recall', below: 0.99 }]));
    const ref = await cli(['shadow', zips.lr, zips.mlp, TITANIC, '--trigger', trigger]);
    expect(ref.code).toBe(1);
    expect((JSON.parse(ref.stdout) as { rollback: { bundle_id: string } }).rollback.bundle_id).toBe(ids.lr);
    await shot(panel.getByTestId('shadow-triggers'), 'shadow-rollback');

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('shadow-rollback-button').click()]);
    expect(download.suggestedFilename()).toBe('lr.zip');
    expect(Buffer.compare(readFileSync((await download.path())!), readFileSync(zips.lr))).toBe(0);
    const recorded = panel.getByTestId('shadow-recorded');
    await recorded.waitFor({ timeout: 10_000 });
    expect(await recorded.textContent()).toBe('Ledger entry-1 records “Roll back to champion” with the comparison\'s figures.');

    await page.reload();
    await gotoStep(page, 'export');
    const ledger = page.getByTestId('ledger-panel');
    await expect.poll(() => ledger.locator('summary').first().textContent(), { timeout: 60_000 }).toBe('Observation Ledger (1 entry)');
    const entry = ledger.getByTestId('ledger-entry').first();
    expect(await entry.locator('summary').textContent()).toContain(`Keep champion · shadow ${ids.mlp} vs champion ${ids.lr}`);
    const rate = await entry.getByTestId('ledger-shadow-rate').textContent();
    const r = JSON.parse((await cli(['shadow', zips.lr, zips.mlp, TITANIC])).stdout) as { rows: number; disagreements: number };
    expect(rate).toContain(`Disagreement ${r.disagreements} of ${r.rows} rows`);
    expect(await entry.textContent()).toContain('recall < 0.99 FIRED');
    const [json] = await Promise.all([page.waitForEvent('download'), ledger.getByRole('button', { name: 'Download ledger.json' }).click()]);
    const stored = (JSON.parse(readFileSync((await json.path())!, 'utf8')) as { entries: { decision: string; runs: unknown[]; champion: unknown; shadow: { disagreements: number; rows: number; champion: { bundleId: string; fileName: string } } }[] }).entries;
    expect(stored[0]).toMatchObject({ decision: 'keep-champion', runs: [], champion: { bundleId: ids.lr, action: 'rollback' }, shadow: { disagreements: r.disagreements, rows: r.rows, champion: { bundleId: ids.lr, fileName: 'lr.zip' } } });
    await ledger.evaluate((el) => { (el as HTMLDetailsElement).open = true; });
    await entry.evaluate((el) => { (el as HTMLDetailsElement).open = true; });
    await shot(ledger, 'shadow-ledger');
  });

  test('labels arriving later in a CSV joined by key: the labelled rows, keys listed and realised cost match the CLI', async () => {
    // The snapshot carries a non-PII key and no label; labels.csv holds the label for two passengers in three.
    const parsed = Papa.parse<string[]>(readFileSync(TITANIC, 'utf8'), { skipEmptyLines: true }).data;
    const [header, ...rows] = parsed as [string[], ...string[][]];
    const li = header.indexOf('survived');
    const snapshot = join(dir, 'unlabelled.csv');
    const labels = join(dir, 'labels.csv');
    writeFileSync(snapshot, Papa.unparse([['pid', ...header.filter((_, i) => i !== li)], ...rows.map((r, n) => [`p${n + 1}`, ...r.filter((_, i) => i !== li)])]));
    writeFileSync(labels, Papa.unparse([['pid', 'survived'], ...rows.flatMap((r, n) => (n % 3 === 2 ? [] : [[`p${n + 1}`, r[li] as string]]))]));
    // The reload closed the viewer; the shadow panel lives in the monitor view of an opened bundle.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open bundle' }).click()]);
    await chooser.setFiles(zips.mlp);
    await page.getByTestId('bundle-viewer').waitFor({ timeout: 60_000 });
    await gotoStep(page, 'monitor');
    const panel = page.getByTestId('shadow');
    await panel.getByLabel('Champion bundle').setInputFiles(zips.lr);
    await panel.getByLabel('Candidate bundle').setInputFiles(zips.mlp);
    await panel.getByLabel('New snapshot (CSV)').setInputFiles(snapshot);
    await panel.getByLabel('Labels (optional CSV', { exact: false }).setInputFiles(labels);
    await panel.getByLabel('Join key').fill('pid');
    await panel.getByTestId('shadow-compare').click();
    await panel.getByTestId('shadow-rate').waitFor({ timeout: 120_000 });
    await panel.getByLabel('Cost of a false negative').fill('5');
    await panel.getByLabel('Cost of a false negative').blur();
    const ref = await cli(['shadow', zips.lr, zips.mlp, snapshot, '--labels', labels, '--key', 'pid', '--cost-fp', '1', '--cost-fn', '5']);
    expect(ref.code).toBe(0);
    const r = JSON.parse(ref.stdout) as { disagreements: number; listed: { row: number; key: string }[]; switching_cost: { realised: { rows: number; change: number } }; paired: { labelled_rows: number } };
    expect(r.paired.labelled_rows).toBe(rows.length - Math.floor(rows.length / 3));
    await expect.poll(() => panel.getByTestId('shadow-cost-realised').locator('th').textContent()).toBe(`Realised, ${r.switching_cost.realised.rows} labelled rows`);
    expect(await panel.getByTestId('shadow-cost-realised').locator('td').nth(2).textContent()).toBe(`${r.switching_cost.realised.change >= 0 ? '+' : ''}${r.switching_cost.realised.change.toFixed(2)}`);
    expect(await panel.getByTestId('shadow-rate').getAttribute('data-disagreements')).toBe(String(r.disagreements));
    // The key is not PII, so each listed row shows it: the same rows and keys as the CLI lists.
    const cells = await panel.getByTestId('shadow-rows').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent, tr.children[1]?.textContent]));
    expect(cells).toEqual(r.listed.map((l) => [String(l.row), l.key]));
    expect(cells.every(([row, key]) => key === `p${row}`)).toBe(true);
    await shot(panel.getByTestId('shadow-rows'), 'shadow-labels-rows');
  });

  test('a long comparison shows its progress in rows and can be cancelled, keeping nothing', async () => {
    // 600,000 Titanic rows (the file repeated), so the worker is still scoring when Cancel is pressed.
    const text = readFileSync(TITANIC, 'utf8');
    const body = text.slice(text.indexOf('\n') + 1);
    const big = join(dir, 'big.csv');
    writeFileSync(big, text.slice(0, text.indexOf('\n') + 1) + body.repeat(460));
    const panel = page.getByTestId('shadow');
    await panel.getByLabel('New snapshot (CSV)').setInputFiles(big);
    await panel.getByTestId('shadow-compare').click();
    const progress = panel.getByTestId('shadow-progress');
    await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toMatch(/^[\d,]+ rows scored, \d+% of the file$/);
    await shot(panel.locator('.run'), 'shadow-progress');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => panel.getByTestId('shadow-error').textContent()).toBe('Comparison cancelled; nothing was kept.');
    expect(await panel.getByTestId('shadow-report').count()).toBe(0);
    expect(await panel.getByTestId('shadow-compare').isEnabled()).toBe(true);
  });
});
