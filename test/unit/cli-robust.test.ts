import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';

/** 300 rows, x ~ N(y, 1), about 40% positive; seeded LCG so the file is the same on every run. */
function labelledCsv(): string {
  let s = 12345;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = Array.from({ length: 300 }, (_, i) => {
    const y = next() < 0.4 ? 1 : 0;
    return `${(y + next() - 0.5).toFixed(3)},${y},g${i % 2}`;
  });
  return `x,y,g\n${rows.join('\n')}\n`;
}

function files(): { dir: string; csv: string; contract: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mle-robust-'));
  const csv = join(dir, 'data.csv');
  writeFileSync(csv, labelledCsv());
  const contract = join(dir, 'contract.json');
  // A group split on the label itself: every row of one class lands in one part.
  writeFileSync(contract, JSON.stringify({ label: 'y', roles: { g: 'ignore' }, split: { policy: 'group', column: 'y', fractions: [0.6, 0.2, 0.2] } }));
  return { dir, csv, contract };
}

describe('an impossible split (a training part with one class)', () => {
  test('check reports it as a failed validation finding and exits 1', async () => {
    const { csv, contract } = files();
    const { code, stdout, stderr } = await cli(['check', csv, '--contract', contract]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { validation: { id: string; status: string; message: string }[]; split: { train: { nPositive: number }; blocking: string[] }; blocking: string[] };
    const finding = out.validation.find((f) => f.id === 'split:train-classes');
    expect(finding?.status).toBe('fail');
    expect(out.split.blocking).toEqual([finding?.message]);
    expect(finding?.message).toMatch(/^The train split has no (positive|negative) rows/);
    expect(out.blocking).toContain('split:train-classes');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('train refuses with exit 1 and the split summary\'s message, and writes no bundle', async () => {
    const { dir, csv, contract } = files();
    const out = join(dir, 'out');
    const { code, stderr } = await cli(['train', csv, '--contract', contract, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/The train split has no (positive|negative) rows \(\d+ of \d+/);
    expect(() => readdirSync(out)).toThrow();
  }, 60_000);
});
