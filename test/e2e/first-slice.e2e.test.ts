import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import * as tfl from '@tensorflow/tfjs-layers';
import { createContract, createRunConfig, loadCsv, rocAuc, transform, type Preprocessing } from '../../src/core/index.ts';
import { trainBaseline } from '../../src/core/training.ts';
import { tf } from '../../src/core/models/tf.ts';
import { openBundle, sha256, type OpenedBundle } from './bundle-reader.ts';
import { gotoStep, launch, newPage, recordLongTasks, screenshot, startServer, takeLongTasks } from './harness.ts';

const SAMPLE = new Uint8Array(readFileSync(new URL('../../public/samples/breast_cancer.csv', import.meta.url)));

let server: PreviewServer;
let url: string;
let browser: Browser;
let page: Page;

const count = async (id: string): Promise<number> => Number(await page.getByTestId(id).locator('.count').textContent());

beforeAll(async () => {
  ({ server, url } = await startServer());
  browser = await launch();
  ({ page } = await newPage(browser));
  // Record every main-thread task over 50 ms, so responsiveness during training can be asserted.
  await recordLongTasks(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('first slice on breast cancer, forced to webgpu', () => {
  test('loads the sample: snapshot ID is the SHA-256 of the file, and the preview shows types, missing and distinct counts', async () => {
    await page.goto(`${url}?backend=webgpu`);
    const started = Date.now();
    await page.getByRole('button', { name: /Try a sample: Breast cancer/ }).click();
    await page.getByTestId('snapshot-id').waitFor();
    console.log(`[timing] breast cancer load (click to preview): ${Date.now() - started} ms`);
    expect(await page.getByTestId('snapshot-id').getAttribute('title')).toBe(sha256(SAMPLE));
    expect(await page.getByTestId('snapshot-id').textContent()).toBe(sha256(SAMPLE).slice(0, 12));
    await expect.poll(() => page.getByTestId('column-table').locator('tbody tr').count()).toBe(31);
    const radius = page.getByTestId('column-table').locator('tbody tr').first();
    expect(await radius.locator('td').allTextContents()).toEqual(['mean radius', 'numeric', '0', '456']);
    expect(await page.getByTestId('row-preview').locator('tbody tr').count()).toBe(50);
    expect(await page.getByTestId('row-preview').locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('17.99');
  });

  test('trains on webgpu with test ROC AUC ≥ 0.98 while the page stays responsive', async () => {
    await gotoStep(page, 'contract');
    await page.getByLabel('Label column').selectOption('target');
    expect(await page.getByLabel('Positive class').inputValue()).toBe('1');
    expect(await page.getByLabel('Seed').inputValue()).toBe('42');
    await takeLongTasks(page);
    const started = Date.now();
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Cancel' }).isEnabled().catch(() => false), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('backend-used').waitFor({ timeout: 180_000 });
    console.log(`[timing] breast cancer LR training on webgpu (click to result): ${Date.now() - started} ms; ${await page.getByTestId('train-status').textContent()}`);
    expect(await page.getByTestId('backend-used').textContent()).toBe('webgpu');
    // Read before switching steps: the tasks are those of training, not of showing Evaluate.
    const longTasks = await takeLongTasks(page);
    await gotoStep(page, 'evaluate');
    const auc = Number(await page.getByTestId('roc-auc').textContent());
    expect(auc).toBeGreaterThanOrEqual(0.98);
    console.log(`[timing] main-thread long tasks during training: ${JSON.stringify(longTasks.map(Math.round))}`);
    expect(Math.max(0, ...longTasks)).toBeLessThan(200);
    await screenshot(page, 'first-slice-trained');
  });

  test('moving the threshold keeps TP+FN equal to the positives while TP falls', async () => {
    const exact = page.getByLabel('Threshold value');
    expect(await exact.inputValue()).toBe('0.5');
    const positives = (await count('tp')) + (await count('fn'));
    const total = positives + (await count('fp')) + (await count('tn'));
    let previousTp = Infinity;
    for (const t of ['0.01', '0.2', '0.5', '0.8', '0.95', '0.999']) {
      await exact.fill(t);
      await exact.dispatchEvent('change');
      // A typed value snaps to the first score at or above it (the same decisions), never below it.
      await expect.poll(async () => Number(await page.getByTestId('threshold-value').getAttribute('title'))).toBeGreaterThanOrEqual(Number(t));
      const [tp, fn, fp, tn] = [await count('tp'), await count('fn'), await count('fp'), await count('tn')];
      expect(tp + fn).toBe(positives);
      expect(tp + fn + fp + tn).toBe(total);
      expect(tp).toBeLessThanOrEqual(previousTp);
      expect(await page.getByTestId('reading').textContent()).toContain(`of ${positives} cases actually “target”`);
      previousTp = tp;
    }
    expect(previousTp).toBeLessThan(positives);
    // Back to exactly 0.5 (not a score) for the export below: the strategy panel's fixed value sets it unsnapped.
    await page.getByLabel('Threshold strategy').selectOption('fixed');
    await page.getByLabel('Fixed threshold').fill('0.5');
    await page.getByRole('button', { name: 'Choose threshold' }).click();
    await expect.poll(() => page.getByTestId('threshold-value').getAttribute('title')).toBe('0.5');
    await screenshot(page, 'first-slice-threshold');
  });

  let bundle: OpenedBundle;
  let bundleName: string;

  test('exports a bundle whose manifest hashes match every file and whose snapshot ID is the sample SHA-256', async () => {
    await gotoStep(page, 'export');
    await page.getByLabel('Goal').fill('Flag benign tumours for fast-track review.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
    bundleName = download.suggestedFilename();
    bundle = openBundle(new Uint8Array(readFileSync(await download.path())));
    const manifest = bundle.json<{ bundle_id: string; files: Record<string, string>; snapshot: { sha256: string }; backend: string; threshold: number; seed: number }>('manifest.json');
    expect(bundleName).toBe(`${manifest.bundle_id}.zip`);
    expect(manifest.bundle_id).toMatch(new RegExp(`^logistic-${sha256(SAMPLE).slice(0, 12)}-[0-9a-f]{12}$`));
    expect(manifest.snapshot.sha256).toBe(sha256(SAMPLE));
    expect(manifest.backend).toBe('webgpu');
    expect(manifest.threshold).toBe(0.5);
    const others = Object.keys(bundle.files).filter((p) => p !== 'manifest.json').sort();
    // Format 2: parity.json is opt-in, so a plain export has none.
    expect(others).toEqual(['compact.json', 'compact.md', 'config.json', 'contract.json', 'environment.json', 'findings.json', 'inference-contract.json', 'metrics.json', 'model-card.md', 'model/model.json', 'model/weights.bin', 'preprocessing.json', 'reference-profile.json', 'report.html', 'score.py']);
    expect(Object.keys(manifest.files).sort()).toEqual(others);
    for (const path of others) expect(manifest.files[path], path).toBe(sha256(bundle.files[path]));

    const metrics = bundle.json<Record<string, number | null>>('metrics.json');
    await gotoStep(page, 'evaluate');
    expect(metrics.roc_auc).toBeCloseTo(Number(await page.getByTestId('roc-auc').textContent()), 4);
    expect(metrics.tp).toBe(await count('tp'));
    expect(metrics.fn).toBe(await count('fn'));
    for (const key of ['n', 'n_pos', 'n_neg', 'threshold', 'tp', 'fp', 'tn', 'fn', 'accuracy', 'precision', 'recall', 'specificity', 'f1', 'balanced_accuracy', 'mcc', 'roc_auc', 'average_precision', 'brier', 'log_loss', 'ece', 'mce']) {
      expect(metrics, key).toHaveProperty(key);
    }
    const compact = bundle.json<{ fields: { title: string; value: string }[] }>('compact.json');
    expect(compact.fields.map((f) => f.title)).toHaveLength(19);
    expect(compact.fields[0].title).toBe('Goal');
    expect(compact.fields[0].value).toBe('Flag benign tumours for fast-track review.');
    expect(compact.fields[1]).toMatchObject({ title: 'Who cares', value: '' });
    const markdown = new TextDecoder().decode(bundle.files['compact.md']);
    expect(markdown.match(/^## .+$/gm)).toHaveLength(19);
    expect(compact.fields.find((f) => f.title === 'Baseline')?.value).toContain('Logistic regression');
    expect(compact.fields.find((f) => f.title === 'Labels and data snapshot')?.value).toContain(sha256(SAMPLE).slice(0, 12));
    expect(compact.fields.find((f) => f.title === 'Threshold or config plan')?.value).toMatch(/score ≥ 0\.5[ .]/);
    const config = bundle.json<{ seed: number; backend: { used: string }; split: { fractions: number[] } }>('config.json');
    expect(config.seed).toBe(42);
    expect(config.backend.used).toBe('webgpu');
    expect(config.split.fractions).toEqual([0.6, 0.2, 0.2]);
  });

  test('the exported model and preprocessing, loaded in Node, reproduce the scores the page showed', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download test scores' }).click()]);
    const lines = readFileSync(await download.path(), 'utf8').trim().split('\n').slice(1);
    const rows = Int32Array.from(lines, (l) => Number(l.split(',')[0]));
    const pageScores = lines.map((l) => Number(l.split(',')[2]));

    const modelJson = bundle.json<{ modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] }>('model/model.json');
    const weights = bundle.files['model/weights.bin'];
    const model = await tfl.loadLayersModel(tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
    }));
    const pre = bundle.json<Preprocessing>('preprocessing.json');
    const parsed = await loadCsv(SAMPLE, 'breast_cancer.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const x = transform(pre, parsed.snapshot, rows);
    const input = tf.tensor2d(x, [rows.length, pre.outputNames.length]);
    const output = model.predict(input) as tf.Tensor;
    const nodeScores = Array.from(await output.data());
    tf.dispose([input, output]);
    model.dispose();
    expect(nodeScores).toHaveLength(pageScores.length);
    const worst = Math.max(...nodeScores.map((s, i) => Math.abs(s - pageScores[i])));
    console.log(`[check] max |node score - page score| over ${rows.length} test rows: ${worst}`);
    expect(worst).toBeLessThan(1e-5);

    // The same run trained in Node on the cpu backend agrees with the page's webgpu run on test AUC to within 1e-4.
    const contract = bundle.json<{ label: string; positive_class: string; features: string[] }>('contract.json');
    const cpu = await trainBaseline(parsed.snapshot, createContract(contract.label, contract.positive_class, contract.features), createRunConfig({ seed: 42, backend: 'cpu' }));
    expect(Array.from(cpu.test.rows)).toEqual(Array.from(rows));
    const webgpuAuc = rocAuc(Float64Array.from(pageScores), cpu.test.labels) as number;
    const cpuAuc = rocAuc(cpu.test.scores, cpu.test.labels) as number;
    console.log(`[check] test AUC webgpu ${webgpuAuc} vs cpu ${cpuAuc}`);
    expect(Math.abs(webgpuAuc - cpuAuc)).toBeLessThanOrEqual(1e-4);
  });
});
