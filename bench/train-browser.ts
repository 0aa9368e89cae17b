// Training speed in Chromium through the real app (production build, workers, each backend), for `npm run bench`.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { gotoStep, launch, newPage, startServer } from '../test/e2e/harness.ts';
import { syntheticCsv } from './synthetic.ts';
import { sklearnMlpEpoch } from './mlp-reference.ts';

const path = join(tmpdir(), 'mle-bench-train-100k.csv');
writeFileSync(path, syntheticCsv(100_000, 20));
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
// scikit-learn's epoch, measured before the browser runs and again after them; the faster of the two is the reference
// (a conservative choice on a shared machine, where one run can be slowed by other work).
const sklearnRuns = [sklearnMlpEpoch(path)];
const epochs1024: { backend: string; seconds: number }[] = [];
const marginal1024: { backend: string; seconds: number }[] = [];
const { server, url } = await startServer();
const browser = await launch();

async function run(page: Page): Promise<{ seconds: number; steps: number; backend: string }> {
  const before = await page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction((n) => (document.querySelectorAll('[data-testid=runs-table] tbody tr').length ?? 0) > n, before, { timeout: 600_000 });
  await page.waitForFunction(() => /Run \w+ after/.test(document.querySelector('[data-testid=train-status]')?.textContent ?? ''), null, { timeout: 60_000 });
  const status = (await page.getByTestId('train-status').textContent()) ?? '';
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(status), JSON.stringify(await page.getByTestId('backend-notes').textContent().catch(() => '')));
  const m = status.match(/after\s+(\d+)\s+(?:iterations|epochs)\s+in\s+([\d.]+)\s+s/);
  return { steps: Number(m?.[1]), seconds: Number(m?.[2]), backend: (await page.getByTestId('backend-used').textContent()) ?? '?' };
}

for (const backend of (process.env.BENCH_BACKENDS ?? 'wasm,cpu,webgpu').split(',')) {
  const { page } = await newPage(browser);
  await page.goto(`${url}?backend=${backend}`);
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByTestId('snapshot-summary').waitFor({ timeout: 120_000 });
  // One step shows at a time: the contract's checks first, then the Train step's controls.
  await gotoStep(page, 'contract');
  await page.getByTestId('roles-table').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=checks-panel]')?.getAttribute('aria-busy') === 'false', null, { timeout: 120_000 });
  await gotoStep(page, 'train');
  const lr = await run(page);
  console.log(`chromium ${lr.backend.padEnd(6)} LR to convergence: ${lr.seconds.toFixed(2)} s incl. preprocessing and scoring, ${lr.steps} L-BFGS iterations`);
  await page.getByLabel('Model', { exact: true }).selectOption('mlp');
  await page.getByLabel('Hidden layers').fill('32, 32');
  await page.getByLabel('Hidden layers').blur();
  await page.getByLabel('Epochs').fill(backend === 'webgpu' ? '1' : '2');
  // As scikit-learn's MLPClassifier: no dropout (its alpha = 1e-4 matches the app's default L2).
  await page.getByLabel('Dropout', { exact: true }).fill('0');
  for (const batch of [256, 1024]) {
    await page.getByLabel('Batch size').fill(String(batch));
    const mlp = await run(page);
    const perEpoch = mlp.seconds / mlp.steps;
    if (batch === 1024) epochs1024.push({ backend: mlp.backend, seconds: perEpoch });
    console.log(`chromium ${mlp.backend.padEnd(6)} MLP 2×32 batch ${String(batch).padEnd(4)}: ${perEpoch.toFixed(2)} s per epoch (${mlp.steps} epochs; includes setup and scoring)`);
  }
  if (backend !== 'webgpu') {
    // The epoch itself, without the run's setup and scoring: a 6-epoch run minus the 2-epoch run above, over 4.
    await page.getByLabel('Epochs').fill('6');
    const longer = await run(page);
    const marginal = (longer.seconds - epochs1024[epochs1024.length - 1].seconds * 2) / (longer.steps - 2);
    marginal1024.push({ backend: longer.backend, seconds: marginal });
    console.log(`chromium ${longer.backend.padEnd(6)} MLP 2×32 batch 1024: ${marginal.toFixed(3)} s per marginal epoch (${longer.steps}-epoch run minus the 2-epoch run)`);
  }
  await page.close();
}
await browser.close();
await server.close();
if (sklearnRuns[0]) {
  sklearnRuns.push(sklearnMlpEpoch(path));
  const best = Math.min(...sklearnRuns.map((r) => r?.wall ?? Infinity));
  console.log(`scikit-learn MLPClassifier epoch (batch 1024, no dropout): ${sklearnRuns.map((r) => r?.wall.toFixed(3)).join(' s, ')} s; reference = the faster`);
  for (const e of epochs1024) console.log(`chromium ${e.backend} MLP epoch, batch 1024: ratio = ours/theirs = ${(e.seconds / best).toFixed(2)} vs scikit-learn MLPClassifier (goal ≤ 2; ours includes setup and scoring)`);
  for (const e of marginal1024) console.log(`chromium ${e.backend} MLP marginal epoch, batch 1024: ratio = ours/theirs = ${(e.seconds / best).toFixed(2)} vs scikit-learn MLPClassifier (goal ≤ 2; the epoch alone)`);
}
