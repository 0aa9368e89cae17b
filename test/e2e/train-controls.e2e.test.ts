import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, launch, newPage, screenshot, startServer } from './harness.ts';

let server: PreviewServer | undefined;
const browsers: Browser[] = [];

async function open(query: string, options: { webgpu?: boolean } = {}) {
  server ??= (await startServer()).server;
  const url = server.resolvedUrls?.local[0] as string;
  const browser = await launch(options);
  browsers.push(browser);
  const { page } = await newPage(browser);
  await page.goto(`${url}?${query}`);
  await page.getByTestId('snapshot-id').waitFor();
  await gotoStep(page, 'train');
  return page;
}

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.close();
});

describe('training controls and backends', () => {
  test('Cancel stops a running fit and keeps the weights reached so far, labelled cancelled', async () => {
    const page = await open('backend=wasm&sample=titanic');
    // An MLP with many epochs: logistic regression now fits on the host in milliseconds, too fast to cancel by hand.
    await page.getByLabel('Model', { exact: true }).selectOption('mlp');
    await page.getByLabel('Epochs').fill('400');
    await page.getByLabel('Patience').fill('400');
    await page.getByLabel('Patience').blur();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('train-status').textContent(), { timeout: 60_000 }).toMatch(/epoch [2-9]/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('train-status').textContent(), { timeout: 60_000 }).toMatch(/Run cancelled after \d+ epochs/);
    expect(await page.getByTestId('train-status').textContent()).toContain('not converged');
    expect(await page.getByRole('button', { name: 'Train', exact: true }).isEnabled()).toBe(true);
    await gotoStep(page, 'evaluate');
    expect(await page.getByTestId('roc-auc').textContent()).toMatch(/^0\.\d{4}$/);
    await screenshot(page, 'train-cancelled');
  });

  test('?backend=wasm trains on wasm in the production build', async () => {
    const page = await open('backend=wasm&sample=breast_cancer');
    const started = Date.now();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 60_000 });
    console.log(`[timing] breast cancer LR on wasm (click to result): ${Date.now() - started} ms; ${await page.getByTestId('train-status').textContent()}`);
    expect(await page.getByTestId('backend-used').textContent()).toBe('wasm');
    await gotoStep(page, 'evaluate');
    expect(Number(await page.getByTestId('roc-auc').textContent())).toBeGreaterThan(0.98);
  });

  test('without --enable-unsafe-webgpu, automatic choice falls back from webgpu with a visible note; LR needs no choice', async () => {
    const page = await open('sample=breast_cancer', { webgpu: false });
    // Logistic regression fits on the host: automatic mode takes cpu without probing and says why.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('backend-notes').textContent()).toMatch(/automatic choice: cpu, since this model fits on the host/);
    // The choice is information, not a warning: no warning stripe.
    expect(await page.getByTestId('backend-notes').getAttribute('class')).toMatch(/\binfo\b/);
    expect(await page.getByTestId('backend-notes').getAttribute('class')).not.toMatch(/\bnote\b/);
    // An MLP's speed depends on the backend, so automatic mode probes WebGPU and says why it passed over it.
    await page.getByLabel('Model', { exact: true }).selectOption('mlp');
    await page.getByLabel('Epochs').fill('2');
    await page.getByLabel('Epochs').blur();
    const before = await page.getByTestId('runs-table').locator('tbody tr').count();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count(), { timeout: 120_000 }).toBe(before + 1);
    expect(await page.getByTestId('backend-used').textContent()).not.toBe('webgpu');
    expect(await page.getByTestId('train-status').textContent()).toMatch(/Backend choice: .*webgpu: /);
    await screenshot(page, 'train-fallback');
  });

  test('?backend=webgl trains on WebGL (the fourth candidate backend)', async () => {
    const page = await open('backend=webgl&sample=breast_cancer');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('backend-used').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('backend-used').textContent()).toBe('webgl');
    await gotoStep(page, 'evaluate');
    expect(Number(await page.getByTestId('roc-auc').textContent())).toBeGreaterThan(0.98);
  });

  test('a WebGPU device lost mid-run: the run restarts on the next backend and says why', async () => {
    const page = await open('backend=webgpu&sample=titanic');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('train-status').textContent(), { timeout: 60_000 }).toMatch(/iteration [1-9]/);
    // The train worker exposes a hook that destroys its GPUDevice, as a driver reset or a lost GPU would.
    const destroyed = await Promise.all(page.workers().map((w) => w.evaluate(() => {
      const hook = Reflect.get(globalThis, 'mleDestroyGpuDevice') as (() => boolean) | undefined;
      return hook ? hook() : null;
    })));
    expect(destroyed).toContain(true);
    await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('backend-used').textContent()).not.toBe('webgpu');
    expect(await page.getByTestId('backend-notes').textContent()).toMatch(/webgpu: its device was lost mid-run .*restarted from scratch on the next backend/);
    await gotoStep(page, 'evaluate');
    expect(Number(await page.getByTestId('roc-auc').textContent())).toBeGreaterThan(0.8);
    await screenshot(page, 'train-device-lost');
  });

  test('an MLP trained on webgpu and on cpu agrees on test AUC to within 1e-4 (same seed, same host-drawn dropout masks)', async () => {
    const aucs: number[] = [];
    for (const backend of ['webgpu', 'cpu']) {
      const page = await open(`backend=${backend}&sample=breast_cancer`);
      await page.getByLabel('Model', { exact: true }).selectOption('mlp');
      await page.getByLabel('Epochs').fill('3');
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page.getByTestId('backend-used').waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('backend-used').textContent()).toBe(backend);
      // The exported report carries the exact AUC (the page shows four decimals).
      await gotoStep(page, 'evaluate');
      await expect.poll(() => page.getByRole('button', { name: 'Download report (JSON)' }).isEnabled(), { timeout: 60_000 }).toBe(true);
      await expect.poll(() => page.getByTestId('report-status').textContent(), { timeout: 60_000 }).toBe('');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (JSON)' }).click()]);
      aucs.push((JSON.parse(readFileSync(await download.path(), 'utf8')) as { roc_auc: number }).roc_auc);
      await page.close();
    }
    console.log(`[timing] MLP test AUC webgpu ${aucs[0]}, cpu ${aucs[1]}`);
    expect(aucs[0]).toBeGreaterThan(0.9);
    expect(Math.abs(aucs[0] - aucs[1])).toBeLessThanOrEqual(1e-4);
  });
});
