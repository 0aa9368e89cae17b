import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';
import { sha256Hex } from '../../src/core/index.ts';

const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;
const EXCLUDE = 'name,ticket,cabin,boat,body,home.dest';

let dir: string;
let zipPath: string;
let plainPath: string;
let bundleId: string;

/** A copy of the parity bundle with one file changed; with `rehash` the manifest is made to agree, so only re-scoring can tell. */
async function variant(name: string, path: string, change: (bytes: Uint8Array) => Uint8Array, rehash: boolean): Promise<string> {
  const files: Record<string, Uint8Array> = unzipSync(new Uint8Array(readFileSync(zipPath)));
  files[path] = change(files[path].slice());
  if (rehash) {
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: Record<string, string> };
    manifest.files[path] = await sha256Hex(files[path]);
    files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  }
  const out = join(dir, name);
  writeFileSync(out, zipSync(files));
  return out;
}

/** parity.json with the first row's expected score moved by `delta`. */
const shiftExpected = (delta: number) => (bytes: Uint8Array): Uint8Array => {
  const parity = JSON.parse(strFromU8(bytes)) as { rows: { expected_score: number }[] };
  parity.rows[0].expected_score += delta;
  return strToU8(JSON.stringify(parity, null, 2));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mle-verify-'));
  const trained = await cli(['train', TITANIC, '--label', 'survived', '--exclude', EXCLUDE, '--seed', '3', '--parity-rows', '6', '--out', join(dir, 'parity')]);
  if (trained.code !== 0) throw new Error(trained.stderr);
  bundleId = (JSON.parse(trained.stdout) as { bundle_id: string }).bundle_id;
  zipPath = join(dir, 'parity', readdirSync(join(dir, 'parity')).find((f) => f.endsWith('.zip'))!);
  const plain = await cli(['train', TITANIC, '--label', 'survived', '--exclude', EXCLUDE, '--seed', '3', '--out', join(dir, 'plain')]);
  if (plain.code !== 0) throw new Error(plain.stderr);
  plainPath = join(dir, 'plain', readdirSync(join(dir, 'plain')).find((f) => f.endsWith('.zip'))!);
}, 180_000);

describe('mle-playground verify', () => {
  test('a good bundle with parity.json: every file hashed, 6 rows re-scored within 1e-6, exit 0', async () => {
    const { code, stdout, stderr } = await cli(['verify', zipPath]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout) as { verdict: string; bundle_id: string; format: number; files_hashed: number; parity: { rows: number; values: number; tolerance: number; maxGap: number; ok: boolean } };
    expect(verdict).toMatchObject({ verdict: 'valid', bundle_id: bundleId, format: 2, files_hashed: 16, parity: { rows: 6, values: 6, tolerance: 1e-6, ok: true } });
    expect(verdict.parity.maxGap).toBeLessThanOrEqual(1e-6);
  }, 60_000);

  test('a bundle without parity.json (the default) is valid and says parity is opt-in', async () => {
    const { code, stdout } = await cli(['verify', plainPath]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'valid', format: 2, files_hashed: 15, parity: 'no parity.json (it is opt-in)' });
  }, 60_000);

  test('a tampered byte in the weights: exit 2 naming the file, nothing on stdout', async () => {
    const path = await variant('tampered.zip', 'model/weights.bin', (b) => { b[3] ^= 0x01; return b; }, false);
    const { code, stdout, stderr } = await cli(['verify', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/tampered\.zip is not a valid bundle \(hash-mismatch\): model\/weights\.bin has SHA-256 [0-9a-f]{12}…, but manifest\.json says [0-9a-f]{12}…\n$/);
  }, 30_000);

  test('an expected score moved by 1e-3 with the manifest re-hashed: exit 1, the row and the gap named', async () => {
    const path = await variant('mismatch.zip', 'parity.json', shiftExpected(1e-3), true);
    const { code, stdout, stderr } = await cli(['verify', path]);
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout) as { verdict: string; parity: { worstRow: number; maxGap: number; ok: boolean } };
    expect(verdict.verdict).toBe('parity-mismatch');
    expect(verdict.parity.worstRow).toBe(0);
    expect(Math.abs(verdict.parity.maxGap - 1e-3)).toBeLessThan(1e-5);
    expect(stderr).toMatch(/parity\.json row 1 \(1-based\) scores 0\.00\d+ away from its expected score \(tolerance 0\.000001\)\n$/);
  }, 60_000);

  test('a weight changed with its hash updated: the hashes agree, but parity catches it: exit 1', async () => {
    const path = await variant('weights.zip', 'model/weights.bin', (b) => {
      const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
      view.setFloat32(0, view.getFloat32(0, true) + 0.5, true);
      return b;
    }, true);
    const { code, stdout } = await cli(['verify', path]);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { verdict: string }).verdict).toBe('parity-mismatch');
  }, 60_000);

  test('no argument, and a hostile entry: exit 2 with the reason', async () => {
    expect(await cli(['verify'])).toMatchObject({ code: 2, stderr: expect.stringContaining('verify needs <bundle.zip>') });
    const files: Record<string, Uint8Array> = unzipSync(new Uint8Array(readFileSync(zipPath)));
    files['../evil.sh'] = strToU8('rm -rf ~');
    const hostile = join(dir, 'hostile.zip');
    writeFileSync(hostile, zipSync(files));
    const { code, stderr } = await cli(['verify', hostile]);
    expect(code).toBe(2);
    expect(stderr).toContain('(unsafe-path): entry "../evil.sh" climbs out of the bundle with ".."');
  }, 30_000);
});
