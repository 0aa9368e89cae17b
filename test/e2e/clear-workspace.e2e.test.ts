import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, launch, newPage, startServer } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;
let url: string;

/** Entries in each object store of the app's IndexedDB database, read inside the page. */
function storedCounts(): Promise<Record<string, number>> {
  return page.evaluate(() => new Promise<Record<string, number>>((resolve, reject) => {
    const open = indexedDB.open('mle-playground');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const counts: Record<string, number> = {};
      if (names.length === 0) { db.close(); resolve(counts); return; }
      const tx = db.transaction(names, 'readonly');
      for (const name of names) {
        const req = tx.objectStore(name).count();
        req.onsuccess = () => { counts[name] = req.result; };
      }
      tx.oncomplete = () => { db.close(); resolve(counts); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

beforeAll(async () => {
  ({ server, url } = await startServer());
  browser = await launch({ webgpu: false });
  ({ page } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Clear workspace', () => {
  test('empties every store: the file, contracts, runs, and the run\'s chosen threshold and backend calibration', async () => {
    await page.goto(`${url}?sample=titanic`);
    await gotoStep(page, 'contract');
    await page.getByTestId('roles-table').waitFor();
    await gotoStep(page, 'train');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => page.getByTestId('runs-table').locator('tbody tr').count().catch(() => 0), { timeout: 120_000 }).toBe(1);
    await gotoStep(page, 'evaluate');
    await page.getByLabel('Threshold strategy').selectOption('max-f1');
    await page.getByRole('button', { name: 'Choose threshold' }).click();
    await page.getByTestId('chosen-threshold').waitFor();
    // The choice is written after the click returns; wait until something beyond file, contract and run is stored.
    await expect.poll(async () => Object.values(await storedCounts()).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4);

    await Promise.all([page.waitForURL((u) => !u.search.includes('sample')), page.getByRole('button', { name: 'Clear workspace' }).click()]);
    await page.waitForLoadState('load');
    const after = await storedCounts();
    expect(Object.keys(after).length).toBeGreaterThan(0);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
  });
});
