import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';

const SAMPLE = new URL('../../public/samples/breast_cancer.csv', import.meta.url).pathname;
let dir: string;
let bundlePath: string;
let bundleId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mle-inspect-'));
  const { code, stdout } = await cli(['train', SAMPLE, '--label', 'target', '--seed', '7', '--out', dir]);
  expect(code).toBe(0);
  bundleId = (JSON.parse(stdout) as { bundle_id: string }).bundle_id;
  bundlePath = join(dir, readdirSync(dir).find((f) => f.endsWith('.zip')) as string);
}, 120_000);

/** Writes a copy of the trained bundle with its files changed by `edit`. */
function variant(name: string, edit: (files: Record<string, Uint8Array>) => void): string {
  const files = unzipSync(new Uint8Array(readFileSync(bundlePath)));
  edit(files);
  const path = join(dir, name);
  writeFileSync(path, zipSync(files));
  return path;
}

describe('mle-playground inspect', () => {
  test('a bundle written by train: exit 0, a JSON summary on stdout, nothing on stderr', async () => {
    const { code, stdout, stderr } = await cli(['inspect', bundlePath]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout) as { valid: boolean; format: number; bundle_id: string; model: string; test: { n: number }; files: { path: string }[] };
    expect(summary).toMatchObject({ valid: true, format: 1, bundle_id: bundleId, model: 'logistic', test: { n: 115 } });
    expect(summary.files.map((f) => f.path)).toContain('model/weights.bin');
  }, 30_000);

  test('a tampered byte: exit 2, the file and the hashes named on stderr, nothing on stdout', async () => {
    const path = variant('tampered.zip', (files) => {
      const weights = files['model/weights.bin'] as Uint8Array;
      weights[0] ^= 0xff;
    });
    const { code, stdout, stderr } = await cli(['inspect', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^mle-playground: .*tampered\.zip is not a valid bundle \(hash-mismatch\): model\/weights\.bin has SHA-256 [0-9a-f]{12}…, but manifest\.json says [0-9a-f]{12}…\n$/);
  }, 30_000);

  test('a hostile entry (path traversal): exit 2 with the reason', async () => {
    const path = variant('traversal.zip', (files) => {
      files['../outside.txt'] = new TextEncoder().encode('x');
    });
    const { code, stderr } = await cli(['inspect', path]);
    expect(code).toBe(2);
    expect(stderr).toContain('(unsafe-path): entry "../outside.txt" climbs out of the bundle with ".."');
  }, 30_000);

  test('no file, a missing file, a file that is not a zip: exit 2', async () => {
    expect(await cli(['inspect'])).toMatchObject({ code: 2, stderr: expect.stringContaining('inspect needs <bundle.zip>; run mle-playground inspect --help') });
    expect(await cli(['inspect', join(dir, 'nope.zip')])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
    expect(await cli(['inspect', SAMPLE])).toMatchObject({ code: 2, stderr: expect.stringContaining('(not-a-zip): not a zip file') });
  }, 30_000);
});
