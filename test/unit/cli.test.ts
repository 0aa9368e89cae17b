import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { sha256Hex } from '../../src/core/index.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/mle-playground.js', import.meta.url).pathname;
const SAMPLE = new URL('../../public/samples/breast_cancer.csv', import.meta.url).pathname;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('mle-playground CLI', () => {
  test('--help lists the train command and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('mle-playground train <csv> --label COL');
  });

  test('train writes a bundle whose manifest hashes every file, and prints JSON', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const { code, stdout } = await cli(['train', SAMPLE, '--label', 'target', '--seed', '42', '--out', out]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { bundle_id: string; backend: string; test: { roc_auc: number; n: number } };
    expect(summary.backend).toBe('cpu');
    expect(summary.test.n).toBe(115);
    expect(summary.test.roc_auc).toBeGreaterThan(0.98);
    const zipName = readdirSync(out).find((f) => f.endsWith('.zip'));
    expect(zipName).toBe(`${summary.bundle_id}.zip`);
    const files = unzipSync(new Uint8Array(readFileSync(join(out, zipName as string))));
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: Record<string, string>; snapshot: { sha256: string } };
    expect(manifest.snapshot.sha256).toBe(await sha256Hex(new Uint8Array(readFileSync(SAMPLE))));
    for (const [path, hash] of Object.entries(manifest.files)) expect(await sha256Hex(files[path])).toBe(hash);
    expect(readFileSync(join(out, 'test-scores.csv'), 'utf8').split('\n')[0]).toBe('row_index,label,score');
  }, 60_000);

  test('unreadable input exits 2 with a one-line reason on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, 'a,b\n1,2\n3\n');
    const { code, stderr } = await cli(['train', ragged, '--label', 'b', '--out', dir]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('data row 2 (line 3) has 1 field but the header has 2');
  });

  test('a one-class label exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-cli-'));
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'x,y\n1,a\n2,a\n');
    const { code, stderr } = await cli(['train', csv, '--label', 'y', '--out', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('only one class');
  });
});
