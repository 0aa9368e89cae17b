import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';

// `train` hands the checks and the test split's evaluation to a second thread for large files. Forced on and off
// (MLE_PLAYGROUND_TRAIN_THREAD) on small ones, the two must write the same bundle, byte for byte apart from the time.
const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;
const ON = { MLE_PLAYGROUND_TRAIN_THREAD: '1' };
const OFF = { MLE_PLAYGROUND_TRAIN_THREAD: '0' };
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

function bundleFiles(out: string): Record<string, string> {
  const zip = readdirSync(out).find((f) => f.endsWith('.zip')) as string;
  const files = unzipSync(new Uint8Array(readFileSync(join(out, zip))));
  // The manifest's hashes cover the times too; the files they hash are compared themselves.
  const text = (path: string, bytes: Uint8Array) => strFromU8(bytes).replace(TIME, '<time>').replace(path === 'manifest.json' ? /"[0-9a-f]{64}"/g : /^$/, '"<sha256>"');
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, text(path, bytes)]));
}

async function trainBoth(args: string[]): Promise<{ on: Record<string, string>; off: Record<string, string>; stdout: [string, string] }> {
  const dir = mkdtempSync(join(tmpdir(), 'mle-thread-'));
  const on = await cli(['train', TITANIC, ...args, '--out', join(dir, 'on')], ON);
  const off = await cli(['train', TITANIC, ...args, '--out', join(dir, 'off')], OFF);
  expect(on.code, on.stderr).toBe(0);
  expect(off.code, off.stderr).toBe(0);
  // Only durations may differ in the summary: the checks' own, and the timings, which must be in order.
  for (const run of [on, off]) {
    const { read, fitted, total } = (JSON.parse(run.stdout) as { timings_ms: { read: number; fitted: number; total: number } }).timings_ms;
    expect(0 < read && read <= fitted && fitted <= total, JSON.stringify({ read, fitted, total })).toBe(true);
  }
  const summary = (s: string, out: string) => s.replace(/"ms": \d+/, '"ms": 0').replace(/"timings_ms": \{[^}]*\}/, '"timings_ms": {}').replace(out, '<out>');
  return { on: bundleFiles(join(dir, 'on')), off: bundleFiles(join(dir, 'off')), stdout: [summary(on.stdout, join(dir, 'on')), summary(off.stdout, join(dir, 'off'))] };
}

describe('train on a second thread', () => {
  test('binary, with slices, a chosen threshold and a dismissal: the same bundle as on one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-thread-'));
    const contract = join(dir, 'contract.json');
    writeFileSync(contract, JSON.stringify({ label: 'survived', roles: { boat: 'ignore', body: 'ignore', sex: 'slice', name: 'pii' } }));
    const { on, off, stdout } = await trainBoth(['--contract', contract, '--threshold', '0.35', '--dismiss', 'single-feature:fare="known at booking"']);
    expect(stdout[0]).toBe(stdout[1]);
    expect(Object.keys(on).sort()).toEqual(Object.keys(off).sort());
    for (const path of Object.keys(off)) expect(on[path], path).toBe(off[path]);
    // The evaluation really is in the bundle's report: the slice the contract asked for, with both of its values.
    expect(on['report.html']).toMatch(/sex=female/);
    expect(on['report.html']).toMatch(/sex=male/);
  }, 90_000);

  test('multinomial: the same bundle as on one thread', async () => {
    const { on, off, stdout } = await trainBoth(['--label', 'pclass', '--exclude', 'boat,body,fare']);
    expect(stdout[0]).toBe(stdout[1]);
    expect(JSON.parse(stdout[0]).task).toBe('multiclass');
    for (const path of Object.keys(off)) expect(on[path], path).toBe(off[path]);
  }, 90_000);

  test('a thread that dies mid-run is replaced by the main thread: the run ends with the same bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mle-thread-'));
    const args = ['train', TITANIC, '--label', 'survived', '--exclude', 'boat,body'];
    const died = await cli([...args, '--out', join(dir, 'died')], { MLE_PLAYGROUND_TRAIN_THREAD: 'die' });
    const off = await cli([...args, '--out', join(dir, 'off')], OFF);
    expect(died.code, died.stderr).toBe(0);
    expect(died.stderr).toContain("note: train's second thread stopped (exit code 1); the main thread does its work instead");
    expect(JSON.parse(died.stdout).bundle_id).toBe(JSON.parse(off.stdout).bundle_id);
    const a = bundleFiles(join(dir, 'died'));
    const b = bundleFiles(join(dir, 'off'));
    for (const path of Object.keys(b)) expect(a[path], path).toBe(b[path]);
  }, 90_000);

  test('a blocking finding found on the second thread still stops the run: exit 1, the finding on stderr, nothing written', async () => {
    const lines = readFileSync(TITANIC, 'utf8').trimEnd().split('\n');
    const at = lines[0].split(',').indexOf('survived');
    const dir = mkdtempSync(join(tmpdir(), 'mle-thread-'));
    const csv = join(dir, 'copy.csv');
    writeFileSync(csv, [`${lines[0]},outcome_copy`, ...lines.slice(1).map((l) => `${l},${l.split(',')[at] === '1' ? 'yes' : 'no'}`)].join('\n'));
    const out = join(dir, 'out');
    const refused = await cli(['train', csv, '--label', 'survived', '--exclude', 'boat,body', '--out', out], ON);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^FAIL leak:single-feature:outcome_copy:/m);
    expect(refused.stdout).toBe('');
    expect(() => readdirSync(out)).toThrow();
  }, 90_000);
});
