import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';

// Issue 11 items 3, 6 and 7 through the command line: size guards, exit codes, contract files as people write them.
const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;

function write(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mle-cli-')), name);
  writeFileSync(path, text);
  return path;
}

describe('input size guards', () => {
  test('profile /dev/zero ends at once with exit 2', async () => {
    const started = Date.now();
    const r = await cli(['profile', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/binary file/);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  test('--max-bytes refuses a larger file before reading it, naming the limit; a bad size exits 2', async () => {
    const r = await cli(['profile', '--max-bytes', '1K', TITANIC]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/titanic\.csv is [\d.]+ KiB|titanic\.csv is \d+ bytes, over the input limit of 1024 bytes; pass --max-bytes/);
    expect((await cli(['profile', '--max-bytes', 'lots', TITANIC])).stderr).toMatch(/--max-bytes needs a size such as 500M/);
  }, 60_000);
});

describe('contracts: exit codes and what is accepted', () => {
  test('a split column that is not in the file exits 2 naming it (it was exit 1, "0 blocking checks failed")', async () => {
    const contract = write('c.json', JSON.stringify({ label: 'survived', split: { policy: 'group', column: 'nosuch', fractions: [0.6, 0.2, 0.2] } }));
    const r = await cli(['check', TITANIC, '--contract', contract]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`mle-playground: ${contract}: split.column names column "nosuch", which is not in titanic.csv`);
  }, 60_000);

  test('an infinite bound (min: 1e999) exits 2', async () => {
    const r = await cli(['check', TITANIC, '--contract', write('c.json', '{"label":"survived","rules":{"age":{"min":1e999}}}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules\["age"\]\.min: must be a finite number/);
  }, 60_000);

  test('a contract file with a UTF-8 byte-order mark is read', async () => {
    const r = await cli(['check', TITANIC, '--contract', write('c.json', '\uFEFF{"label":"survived"}')]);
    expect(r.stderr).not.toMatch(/not valid JSON/);
    expect(r.code).toBe(0);
  }, 60_000);

  test('a million missing tokens work (no "Maximum call stack size exceeded")', async () => {
    const tokens = Array.from({ length: 1_000_000 }, (_, i) => `missing-${i}`);
    // check echoes the contract, tokens included, which is more than `cli`'s default 1 MB output buffer.
    const bin = new URL('../../bin/mle-playground.js', import.meta.url).pathname;
    const contract = write('c.json', JSON.stringify({ label: 'survived', missingTokens: ['', ...tokens] }));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'check', TITANIC, '--contract', contract], { maxBuffer: 512 * 1024 * 1024 });
    expect((JSON.parse(stdout) as { contract: { missingTokens: string[] } }).contract.missingTokens).toHaveLength(1_000_001);
  }, 60_000);

  test('columns named __proto__ and constructor keep their roles and rules through check', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 7},${['a', 'b', 'c'][i % 3]},${i % 2}`);
    const csv = write('p.csv', `__proto__,constructor,y\n${rows.join('\n')}\n`);
    const contract = write('c.json', JSON.stringify({ label: 'y', roles: { constructor: 'slice' }, rules: JSON.parse('{"__proto__":{"min":0,"max":6}}') }));
    const r = await cli(['check', csv, '--contract', contract]);
    const out = JSON.parse(r.stdout) as { contract: { roles: Record<string, string>; rules: Record<string, unknown> } };
    expect(Object.entries(out.contract.roles)).toEqual([['__proto__', 'feature'], ['constructor', 'slice'], ['y', 'label']]);
    expect(Object.keys(out.contract.rules)).toContain('__proto__');
  }, 60_000);
});
