import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { gotoStep, screenshot, openApp } from './harness.ts';

let server: PreviewServer;
let browser: Browser;
let page: Page;

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBadUtf8 = Uint8Array.from([...bytes('id,city,score\n1,Oslo,3\n2,Bergen,4\n3,Tr'), 0xff, ...bytes('ndheim,5\n')]);

const CASES: { name: string; file: string; data: Uint8Array; expect: RegExp[] }[] = [
  { name: 'an empty file', file: 'empty.csv', data: new Uint8Array(0), expect: [/empty\.csv is empty \(0 bytes\)/] },
  { name: 'a header with no rows', file: 'header-only.csv', data: bytes('a,b,c\n'), expect: [/header row \(3 columns: "a", "b", "c"\) but no data rows/] },
  { name: 'a ragged row', file: 'ragged.csv', data: bytes('a,b,c\n1,2,3\n4,5\n7,8,9\n'), expect: [/data row 2 \(line 3\) has 2 fields but the header has 3/, /column 3 "c" is missing/, /Where: row 2, line 3, column "c"/] },
  { name: 'a binary file', file: 'image.csv', data: PNG, expect: [/looks like a binary file/] },
  { name: 'invalid UTF-8', file: 'latin1.csv', data: withBadUtf8, expect: [/not valid UTF-8: byte 0xff/, /line 4 \(data row 3\), column 2 "city"/] },
];

beforeAll(async () => {
  ({ server, browser, page } = await openApp(''));
  await page.getByRole('button', { name: /Try a sample: Titanic/ }).click();
  await page.getByTestId('snapshot-id').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('bad input gets a located message and the loaded snapshot survives', () => {
  for (const c of CASES) {
    test(`${c.name}`, async () => {
      const before = await page.getByTestId('snapshot-summary').textContent();
      await page.locator('input[type=file]').setInputFiles({ name: c.file, mimeType: 'text/csv', buffer: Buffer.from(c.data) });
      const alert = page.getByTestId('load-error');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      for (const pattern of c.expect) expect(text).toMatch(pattern);
      expect(text).toContain('The snapshot already loaded (titanic.csv) is unchanged.');
      expect(await page.getByTestId('snapshot-summary').textContent()).toBe(before);
      expect(await page.getByTestId('row-preview').locator('tbody tr').count()).toBe(50);
      await screenshot(page, `bad-input-${c.file.replace('.csv', '')}`);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
    });
  }

  test('the app keeps working after errors: a file dropped on the drop zone loads and replaces the snapshot', async () => {
    const csv = 'x,flag,label\n1,yes,1\n2,no,0\n3,,1\n4,yes,0\n';
    await page.getByTestId('drop-zone').evaluate((zone, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, csv);
    await expect.poll(() => page.getByTestId('snapshot-summary').textContent()).toContain('dropped.csv');
    const rows = page.getByTestId('column-table').locator('tbody tr');
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['x', 'numeric', '0', '4']);
    expect((await rows.nth(1).locator('td').allTextContents()).slice(0, 2)).toEqual(['flag', 'boolean']);
    expect(await rows.nth(1).locator('td').nth(2).textContent()).toContain('1');
    await gotoStep(page, 'contract');
    expect(await page.getByLabel('Label column').inputValue()).toBe('label');
    expect(await page.getByLabel('Positive class').inputValue()).toBe('1');
    await screenshot(page, 'dropped-file');
  });
});
