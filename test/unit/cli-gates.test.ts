import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';
import { sha256Hex } from '../../src/core/index.ts';

const SAMPLE = new URL('../../public/samples/breast_cancer.csv', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'mle-gates-'));
const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

const passing = write('pass.json', { version: 1, gates: [
  { id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.9 },
  { id: 'vs-prior', kind: 'vs-baseline', metric: 'roc_auc', margin: 0 },
  { id: 'valid', kind: 'no-validation-failure' },
  { id: 'size', kind: 'size', maxBytes: 100_000 },
  { id: 'latency', kind: 'latency', maxMsPer1000: 60_000 },
] });

let zip = '';
let summary: { promotable: boolean; failed_gates: string[] };

beforeAll(async () => {
  const out = join(dir, 'out');
  const { code, stdout, stderr } = await cli(['train', SAMPLE, '--label', 'target', '--seed', '42', '--gates', passing, '--out', out]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  summary = JSON.parse(stdout) as typeof summary;
  zip = join(out, readdirSync(out).find((f) => f.endsWith('.zip')) as string);
}, 60_000);

describe('train --gates', () => {
  test('writes gates.json into the bundle, hashed in a manifest that says promotable', async () => {
    expect(summary.promotable).toBe(true);
    expect(summary.failed_gates).toEqual([]);
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { promotable: boolean; failed_gates: string[]; files: Record<string, string> };
    expect(manifest.promotable).toBe(true);
    expect(manifest.failed_gates).toEqual([]);
    expect(manifest.files['gates.json']).toBe(await sha256Hex(files['gates.json']));
    const gates = JSON.parse(strFromU8(files['gates.json'])) as { locked_at: string | null; verdicts: { id: string; pass: boolean; observed: { value: number; lo?: number; hi?: number } }[] };
    expect(gates.locked_at).not.toBeNull();
    expect(gates.verdicts.map((v) => [v.id, v.pass])).toEqual([['auc', true], ['vs-prior', true], ['valid', true], ['size', true], ['latency', true]]);
    const auc = gates.verdicts[0].observed;
    expect(auc.lo as number).toBeLessThanOrEqual(auc.value);
    expect(auc.hi as number).toBeGreaterThanOrEqual(auc.value);
    // The contract in the bundle carries the locked gates; metrics.json carries what the model relies on.
    const contract = JSON.parse(strFromU8(files['contract.json'])) as { gates: { lockedAt: string; spec: { gates: unknown[] } } };
    expect(contract.gates.spec.gates).toHaveLength(5);
    const metrics = JSON.parse(strFromU8(files['metrics.json'])) as { importance: { permutation: { metric: string; columns: unknown[] }; coefficients: { name: string }[] } };
    expect(metrics.importance.permutation.metric).toBe('roc_auc');
    expect(metrics.importance.permutation.columns).toHaveLength(30);
    expect(metrics.importance.coefficients).toHaveLength(30);
  });

  test('an unreadable g.json exits 2 before training', async () => {
    const bad = write('bad.json', { version: 1, gates: [{ id: 'x', kind: 'metric', metric: 'accuracy', bound: 'min', value: 1 }] });
    const { code, stderr } = await cli(['train', SAMPLE, '--label', 'target', '--gates', bad, '--out', join(dir, 'never')]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${bad}: gates.0.metric`);
  });
});

describe('mle-playground gates', () => {
  test('exit 0 when every gate of the bundle passes', async () => {
    const { code, stdout } = await cli(['gates', zip]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { promotable: boolean }).promotable).toBe(true);
  });

  test('exit 1 when a gate fails, including one that fails closed', async () => {
    const strict = write('strict.json', { version: 1, gates: [
      { id: 'auc', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.999 },
      { id: 'by-size', kind: 'slice', column: 'mean radius', metric: 'recall', min: 0.5, minRows: 10 },
      { id: 'size', kind: 'size', maxBytes: 100_000 },
    ] });
    const { code, stdout, stderr } = await cli(['gates', zip, '--gates', strict]);
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { promotable: boolean; failed: string[]; verdicts: { id: string; evidence: string }[] };
    expect(result.promotable).toBe(false);
    expect(result.failed).toEqual(['auc', 'by-size']);
    // The bundle recorded no slices of that column, so the gate cannot be judged and fails closed.
    expect(result.verdicts[1].evidence).toBe('fails closed: no slices of "mean radius" were recorded');
    expect(stderr.trim()).toBe('mle-playground: 2 of 3 gates fail: auc, by-size');
  });

  test('exit 2 on bad input: not a zip, a bad g.json, an altered bundle, no gates at all', async () => {
    expect((await cli(['gates', write('not.zip', 'hello')])).code).toBe(2);
    expect((await cli(['gates'])).code).toBe(2);
    const badSpec = await cli(['gates', zip, '--gates', write('dup.json', { version: 1, gates: [{ id: 'a', kind: 'size', maxBytes: 1 }, { id: 'a', kind: 'size', maxBytes: 2 }] })]);
    expect(badSpec.code).toBe(2);
    expect(badSpec.stderr).toContain('gate ids must be unique');
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    const altered = write('altered.zip', '');
    writeFileSync(altered, zipSync({ ...files, 'metrics.json': strToU8('{"roc_auc": 1}') }));
    const tampered = await cli(['gates', altered]);
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toMatch(/metrics\.json has SHA-256 [0-9a-f]{12}…, but manifest\.json says/);
    const { 'gates.json': _gates, ...rest } = files;
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: Record<string, string> };
    delete manifest.files['gates.json'];
    const contract = JSON.parse(strFromU8(files['contract.json'])) as Record<string, unknown>;
    delete contract.gates;
    const contractBytes = strToU8(JSON.stringify(contract));
    manifest.files['contract.json'] = await sha256Hex(contractBytes);
    const bare = write('bare.zip', '');
    writeFileSync(bare, zipSync({ ...rest, 'contract.json': contractBytes, 'manifest.json': strToU8(JSON.stringify(manifest)) }));
    const none = await cli(['gates', bare]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('the bundle declares no gates');
  });
});
