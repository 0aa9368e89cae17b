import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { writeRawZip, type RawEntry } from '../../src/core/bundle/hostile-zip.ts';
import { openBundle, sha256, type OpenedBundle } from './bundle-reader.ts';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { gotoStep, RESULTS, openApp } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;
let zip: Uint8Array;
let bundle: OpenedBundle;
let snapshotId: string;
let runRows: number;

beforeAll(async () => {
  ({ server, browser, page } = await openApp('?sample=titanic&backend=wasm', { webgpu: false }));
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const entries = (): RawEntry[] => Object.entries(bundle.files).map(([name, data]) => ({ name, data }));

/** The exported bundle with one JSON file edited; the manifest's hash of it updated unless it is the manifest. */
function edited(path: string, edit: (json: Record<string, unknown>) => void): Uint8Array {
  const files = { ...bundle.files };
  const json = bundle.json<Record<string, unknown>>(path);
  edit(json);
  files[path] = strToU8(JSON.stringify(json, null, 2));
  if (path !== 'manifest.json') {
    const manifest = bundle.json<{ files: Record<string, string> }>('manifest.json');
    manifest.files[path] = sha256(files[path]);
    files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  }
  return zipSync(files);
}

/** Opens `bytes` through the "Open bundle" control under `name`; resolves once the page shows a verdict. */
async function openThroughControl(name: string, bytes: Uint8Array): Promise<void> {
  await gotoStep(page, 'monitor');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open bundle' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
}

/** A screenshot of one part of the page (the full page is 11k px tall once a run is shown). */
async function shot(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: join(RESULTS, `${name}.png`) });
}

/** Looks at the Data and Train steps, then comes back to Monitor. */
async function workspaceIntact(): Promise<void> {
  await gotoStep(page, 'data');
  expect(await page.getByTestId('snapshot-id').getAttribute('title')).toBe(snapshotId);
  await gotoStep(page, 'train');
  expect(await page.getByTestId('runs-table').locator('tbody tr').count()).toBe(runRows);
  await gotoStep(page, 'data');
  expect(await page.getByTestId('load-error').count()).toBe(0);
  await gotoStep(page, 'monitor');
}

describe('safe import of a bundle in the app', () => {
  test('a Titanic bundle exported from the app opens back read-only: model, metrics, compact, parity re-scored, report sandboxed', async () => {
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 180_000 });
    await gotoStep(page, 'export');
    await page.getByLabel('Include').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    zip = new Uint8Array(readFileSync((await download.path())!));
    bundle = openBundle(zip);
    await gotoStep(page, 'data');
    snapshotId = (await page.getByTestId('snapshot-id').getAttribute('title'))!;
    await gotoStep(page, 'train');
    runRows = await page.getByTestId('runs-table').locator('tbody tr').count();
    const manifest = bundle.json<{ bundle_id: string; threshold: number; files: Record<string, string> }>('manifest.json');
    const metrics = bundle.json<Record<string, number | null>>('metrics.json');

    const started = Date.now();
    await openThroughControl(download.suggestedFilename(), zip);
    const viewer = page.getByTestId('bundle-viewer');
    await viewer.waitFor({ timeout: 60_000 });
    const wall = Date.now() - started;
    const shown = (await viewer.locator('h2').textContent()) ?? '';
    console.log(`[timing] open a Titanic LR bundle (${zip.length} bytes, 10 parity rows) in the app: ${wall} ms from file input to viewer; the page reports ${/opened in (\d+) ms/.exec(shown)?.[1]} ms`);

    expect(await page.getByTestId('bundle-id').textContent()).toBe(manifest.bundle_id);
    expect(shown).toContain('format 2');
    expect(await page.getByTestId('bundle-threshold').getAttribute('title')).toBe(String(manifest.threshold));
    for (const key of ['roc_auc', 'accuracy', 'f1', 'tp', 'fn']) {
      const v = metrics[key]!;
      expect(await page.getByTestId('bundle-metrics').locator(`[data-metric="${key}"]`).textContent(), key).toBe(Number.isInteger(v) ? String(v) : v.toFixed(4));
    }
    const model = (await page.getByTestId('bundle-model').textContent()) ?? '';
    expect(model).toContain('logistic (binary)');
    expect(model).toContain('positive class 1');
    expect(model).toContain('wasm');
    expect(await page.getByTestId('bundle-parity').textContent()).toMatch(/^10 rows re-scored; largest gap \d\.\d\de[-+]\d+ \(tolerance 0\.000001\)$/);
    // The compact and the report are folded under disclosures: a reader opens them.
    await page.getByTestId('bundle-compact-fold').locator('summary').click();
    await page.getByTestId('bundle-report-fold').locator('summary').click();
    expect(await page.getByTestId('bundle-compact').locator('dt').count()).toBeGreaterThanOrEqual(3);
    const frame = page.getByTestId('bundle-report');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await page.frameLocator('[data-testid="bundle-report"]').locator('[data-metric="roc_auc"]').first().textContent()).toBe(metrics.roc_auc!.toFixed(4));
    await workspaceIntact();
    // Leaving the step folds the disclosures again; open the report for the screenshots.
    await page.getByTestId('bundle-report-fold').locator('summary').click();
    await page.waitForTimeout(300);
    await shot(viewer, 'open-bundle-viewer');
    await shot(frame, 'open-bundle-report-frame');
  }, 300_000);

  const text = (s: string) => strToU8(s);
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['traversal', () => writeRawZip([...entries(), { name: 'model/../../evil.sh', data: text('rm -rf ~') }]), /"model\/\.\.\/\.\.\/evil\.sh" climbs out of the bundle with "\.\."/],
    ['absolute path', () => writeRawZip([{ name: '/etc/cron.d/evil', data: text('x') }, ...entries()]), /"\/etc\/cron\.d\/evil" is an absolute path/],
    ['drive letter', () => writeRawZip([{ name: 'C:/Windows/evil.dll', data: text('x') }, ...entries()]), /starts with a drive letter/],
    ['symlink', () => writeRawZip(entries().map((e) => (e.name === 'model/weights.bin' ? { ...e, data: text('/etc/passwd'), hostSystem: 3, mode: 0o120777 } : e))), /"model\/weights\.bin" is a symbolic link/],
    ['duplicate', () => writeRawZip([...entries(), entries().find((e) => e.name === 'config.json')!]), /"config\.json" appears twice/],
    ['__proto__', () => writeRawZip([...entries(), { name: '__proto__', data: text('{}') }]), /reserved name "__proto__"/],
    ['size lie', () => writeRawZip(entries().map((e) => (e.name === 'preprocessing.json' ? { ...e, declaredSize: e.data.length - 100 } : e))), /"preprocessing\.json" declares \d+ bytes but its data inflates to more/],
    ['over the cap', () => writeRawZip(entries().map((e) => (e.name === 'model/weights.bin' ? { ...e, declaredSize: 3_000_000_000 } : e))), /declares 3000000000 bytes, over the cap/],
    ['zip bomb', () => writeRawZip(entries().map((e) => (e.name === 'model/weights.bin' ? { ...e, data: new Uint8Array(16 * 1024 * 1024) } : e))), /over the cap of 100×/],
    ['unknown file', () => writeRawZip([...entries(), { name: 'model/loader.js', data: text('fetch("https://evil")') }]), /"model\/loader\.js" is not part of a format 2 bundle/],
    ['missing file', () => writeRawZip(entries().filter((e) => e.name !== 'metrics.json')), /the bundle has no metrics\.json/],
    ['tampered byte', () => {
      const files = unzipSync(zip);
      files['model/weights.bin'][5] ^= 0x01;
      return zipSync(files);
    }, /model\/weights\.bin has SHA-256 [0-9a-f]{12}…, but manifest\.json says/],
    ['unknown format', () => edited('manifest.json', (m) => { m.format = 9; }), /manifest\.json has format 9; this app reads bundle formats 1 and 2/],
    ['schema field', () => edited('metrics.json', (m) => { m.roc_auc = 'excellent'; }), /metrics\.json: field roc_auc: /],
    ['parity mismatch', () => edited('parity.json', (p) => { (p.rows as { expected_score: number }[])[0].expected_score += 0.01; }), /parity\.json row 1 \(1-based\) scores 0\.0100 away from its expected score \(tolerance 0\.000001\)/],
    ['not a zip', () => text('survived,age\n1,22\n'), /not a zip file/],
  ];

  test.each(cases)('refused through the control, with its message, the workspace intact: %s', async (name, make, message) => {
    await openThroughControl(`${name.replace(/\W+/g, '-')}.zip`, make());
    const refused = page.getByTestId('bundle-refused');
    await expect.poll(async () => (await refused.count()) > 0 && message.test((await refused.textContent()) ?? ''), { timeout: 30_000 }).toBe(true);
    await workspaceIntact();
    if (name === 'traversal' || name === 'zip bomb') {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(RESULTS, `open-bundle-refused-${name.replace(/\W+/g, '-')}.png`) });
    }
    await refused.getByRole('button', { name: 'Dismiss' }).click();
  }, 60_000);

  test('a zip dropped on the CSV drop zone goes to the bundle opener, not the CSV parser', async () => {
    const files = unzipSync(zip);
    files['compact.md'][0] ^= 0x01;
    const tampered = Array.from(zipSync(files));
    const transfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'dropped-bundle.zip', { type: 'application/zip' }));
      return dt;
    }, tampered);
    await gotoStep(page, 'data');
    await page.getByTestId('drop-zone').scrollIntoViewIfNeeded();
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    const refused = page.getByTestId('bundle-refused');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toMatch(/dropped-bundle\.zip is not a valid bundle: compact\.md has SHA-256/);
    expect(await refused.textContent()).not.toContain('binary file');
    await workspaceIntact();
    // The bundle opened earlier is still shown: a refusal changes nothing else.
    expect(await page.getByTestId('bundle-id').textContent()).toBe(bundle.json<{ bundle_id: string }>('manifest.json').bundle_id);
    // The verdict is scrolled into view, though the drop zone is further down the page.
    await expect.poll(() => refused.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1; }), { timeout: 5_000 }).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'open-bundle-drop-zone.png') });
  }, 60_000);
});
