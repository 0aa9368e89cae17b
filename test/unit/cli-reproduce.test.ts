import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';
import { sha256Hex } from '../../src/core/index.ts';

const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;
const BREAST = new URL('../../public/samples/breast_cancer.csv', import.meta.url).pathname;
const EXCLUDE = 'name,ticket,cabin,boat,body,home.dest';

let dir: string;
let zipPath: string;

/** A copy of the bundle with one file's bytes changed; with `rehash` the manifest is made to agree, so only retraining can tell. */
async function tampered(path: string, change: (bytes: Uint8Array) => Uint8Array, rehash: boolean): Promise<string> {
  const files: Record<string, Uint8Array> = unzipSync(new Uint8Array(readFileSync(zipPath)));
  files[path] = change(files[path].slice());
  if (rehash) {
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: Record<string, string> };
    manifest.files[path] = await sha256Hex(files[path]);
    files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  }
  const out = join(dir, `tampered-${rehash ? 'rehashed' : 'raw'}.zip`);
  writeFileSync(out, zipSync(files));
  return out;
}

/** Adds 1e-2 to the first float32 weight (the first coefficient). */
function nudgeFirstWeight(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  view.setFloat32(0, view.getFloat32(0, true) + 0.01, true);
  return bytes;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mle-reproduce-'));
  const { code, stderr } = await cli(['train', TITANIC, '--label', 'survived', '--exclude', EXCLUDE, '--seed', '3', '--out', dir]);
  if (code !== 0) throw new Error(stderr);
  zipPath = join(dir, readdirSync(dir).find((f) => f.endsWith('.zip'))!);
}, 120_000);

describe('mle-playground reproduce', () => {
  test('a good bundle reproduces byte for byte on its own backend: exit 0 and the verdict says so', async () => {
    const { code, stdout, stderr } = await cli(['reproduce', zipPath, TITANIC]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout) as { verdict: string; comparison: string; backend: { recorded: string; used: string }; checks: { name: string; ok: boolean }[] };
    expect(verdict.verdict).toBe('reproduced');
    expect(verdict.comparison).toBe('byte-identical');
    expect(verdict.backend).toEqual({ recorded: 'cpu', used: 'cpu' });
    expect(verdict.checks.map((c) => c.name)).toEqual(['preprocessing.json', 'model/model.json', 'model/weights.bin', 'metrics.json (test split)']);
    expect(verdict.checks.every((c) => c.ok)).toBe(true);
  }, 60_000);

  test('on another backend (wasm) it compares within the stated tolerances and says which backend it used', async () => {
    const { code, stdout } = await cli(['reproduce', zipPath, TITANIC, '--backend', 'wasm']);
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout) as { verdict: string; comparison: string; backend: { recorded: string; used: string; note: string } };
    expect(verdict.verdict).toBe('reproduced');
    expect(verdict.comparison).toBe('scores within 0.01, metrics within 0.001 absolute');
    expect(verdict.backend.used).toBe('wasm');
    expect(verdict.backend.note).toContain('trained on cpu; retrained on wasm');
  }, 60_000);

  test('a CSV that is not the bundle\'s snapshot exits 2 naming both IDs', async () => {
    const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(zipPath)))['manifest.json'])) as { snapshot: { sha256: string } };
    const wrong = await sha256Hex(new Uint8Array(readFileSync(BREAST)));
    const { code, stdout, stderr } = await cli(['reproduce', zipPath, BREAST]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(wrong);
    expect(stderr).toContain(manifest.snapshot.sha256);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a tampered weight whose manifest hash was updated to match is caught by retraining: exit 1 naming weights.bin', async () => {
    const { code, stdout, stderr } = await cli(['reproduce', await tampered('model/weights.bin', nudgeFirstWeight, true), TITANIC]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'mismatch' });
    expect(stderr).toMatch(/does not reproduce: model\/weights\.bin \(byte-identical\)/);
    expect(stderr).not.toContain('manifest hash');
  }, 60_000);

  test('a tampered weight left with its old hash fails the manifest check too: exit 1', async () => {
    const { code, stderr } = await cli(['reproduce', await tampered('model/weights.bin', nudgeFirstWeight, false), TITANIC]);
    expect(code).toBe(1);
    expect(stderr).toContain('manifest hash of model/weights.bin');
    expect(stderr).toContain('model/weights.bin (byte-identical)');
  }, 60_000);

  test('with too few arguments it exits 2 and says what it needs', async () => {
    const { code, stderr } = await cli(['reproduce', zipPath]);
    expect(code).toBe(2);
    expect(stderr).toContain('reproduce needs <bundle.zip> and <csv>');
  });
});
