import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';

const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;

/** Titanic with lifeboat_status, a copy of survived, appended as the last column. */
function withLabelCopy(): string {
  const lines = readFileSync(TITANIC, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const at = header.indexOf('survived');
  const out = [`${lines[0]},lifeboat_status`];
  // survived is the second field and never quoted, so a plain split finds it even on rows with quoted names.
  for (const line of lines.slice(1)) out.push(`${line},${line.split(',')[at] === '1' ? 'rescued' : 'lost'}`);
  const path = join(mkdtempSync(join(tmpdir(), 'mle-gate-')), 'titanic-copy.csv');
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

describe('train runs the leakage checks first', () => {
  test('an open FAIL stops it with exit 1 and the finding on stderr; --dismiss lets it through and findings.json records it', async () => {
    const csv = withLabelCopy();
    const out = mkdtempSync(join(tmpdir(), 'mle-gate-'));
    const refused = await cli(['train', csv, '--label', 'survived', '--exclude', 'boat,body', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^FAIL leak:single-feature:lifeboat_status: "lifeboat_status" nearly predicts the label by itself/m);
    expect(refused.stderr).toContain('--dismiss single-feature:lifeboat_status="why it is fine"');
    expect(readdirSync(out)).toEqual([]);

    const passed = await cli(['train', csv, '--label', 'survived', '--exclude', 'boat,body', '--dismiss', 'single-feature:lifeboat_status="recorded at boarding in this drill"', '--out', out]);
    expect(passed.code, passed.stderr).toBe(0);
    const summary = JSON.parse(passed.stdout) as { checks: { open: number; dismissed: number } };
    expect(summary.checks.dismissed).toBe(1);
    const zip = readdirSync(out).find((f) => f.endsWith('.zip')) as string;
    const files = unzipSync(new Uint8Array(readFileSync(join(out, zip))));
    const findings = JSON.parse(strFromU8(files['findings.json'])) as { open_fail: number; findings: { id: string; state: string; dismissal?: { reason: string } }[] };
    expect(findings.open_fail).toBe(0);
    const copy = findings.findings.find((f) => f.id === 'leak:single-feature:lifeboat_status');
    expect(copy).toMatchObject({ state: 'dismissed', dismissal: { reason: 'recorded at boarding in this drill' } });
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toContain('findings.json');
    const contract = JSON.parse(strFromU8(files['contract.json'])) as { dismissed: { findingId: string }[] };
    expect(contract.dismissed.map((d) => d.findingId)).toEqual(['leak:single-feature:lifeboat_status']);
  }, 90_000);

  test('a dismissal in the contract file lets it through as well; a --dismiss without a reason is a usage error', async () => {
    const csv = withLabelCopy();
    const out = mkdtempSync(join(tmpdir(), 'mle-gate-'));
    const contract = join(out, 'contract.json');
    writeFileSync(contract, JSON.stringify({ label: 'survived', roles: { boat: 'ignore', body: 'ignore' }, dismissed: [{ findingId: 'leak:single-feature:lifeboat_status', reason: 'drill', at: '2026-01-01T00:00:00Z' }] }));
    const ok = await cli(['train', csv, '--contract', contract, '--out', join(out, 'run')]);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await cli(['train', csv, '--label', 'survived', '--dismiss', 'single-feature:lifeboat_status', '--out', join(out, 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--dismiss needs CHECK:COLUMN="reason"/);
  }, 90_000);
});
