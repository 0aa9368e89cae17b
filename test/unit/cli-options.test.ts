import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';

const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;
const SAMPLE = new URL('../../public/samples/breast_cancer.csv', import.meta.url).pathname;

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mle-opts-')), name);
  writeFileSync(path, text);
  return path;
}

const scores = file('scores.csv', `label,score\n${Array.from({ length: 40 }, (_, i) => `${i % 2},${((i % 2) * 0.5 + (i % 5) / 10).toFixed(2)}`).join('\n')}\n`);
const contract = file('contract.json', JSON.stringify({ label: 'survived' }));
const out = mkdtempSync(join(tmpdir(), 'mle-opts-'));

// Every command with what it needs to get past its required arguments, so only the flag under test can fail.
const COMMANDS: Record<string, string[]> = {
  profile: ['profile', TITANIC],
  check: ['check', TITANIC, '--contract', contract],
  train: ['train', TITANIC, '--label', 'survived', '--out', out],
  evaluate: ['evaluate', scores, '--label', 'label', '--score', 'score', '--bootstrap', '0'],
};

describe('one option reader for every command', () => {
  test('an unknown flag exits 2 with the same one-line message on every command', async () => {
    for (const [name, args] of Object.entries(COMMANDS)) {
      const { code, stdout, stderr } = await cli([...args, '--no-such-flag']);
      expect(code, name).toBe(2);
      expect(stdout, name).toBe('');
      expect(stderr, name).toBe(`mle-playground: ${name} has no option --no-such-flag; run mle-playground ${name} --help\n`);
    }
  }, 60_000);

  test('an empty --seed is refused by check, train and evaluate alike (train used to read it as 0)', async () => {
    for (const name of ['check', 'train', 'evaluate']) {
      const { code, stderr } = await cli([...COMMANDS[name], '--seed', '']);
      expect(code, name).toBe(2);
      expect(stderr, name).toBe('mle-playground: --seed must be a whole number of at least 0, got ""\n');
    }
    for (const name of ['check', 'train', 'evaluate']) {
      expect((await cli([...COMMANDS[name], '--seed', '1.5'])).stderr, name).toBe('mle-playground: --seed must be a whole number of at least 0, got "1.5"\n');
    }
  }, 60_000);

  test('numbers: bounds and notes in the message; a negative value takes the "=" form', async () => {
    const threshold = await cli([...COMMANDS.train, '--threshold', '1.5']);
    expect([threshold.code, threshold.stderr]).toEqual([2, 'mle-playground: --threshold must be a number between 0 and 1, got "1.5"\n']);
    const bins = await cli([...COMMANDS.evaluate, '--slice', 'label', '--bins', '1']);
    expect([bins.code, bins.stderr]).toEqual([2, 'mle-playground: --bins must be a whole number of at least 2, got "1"\n']);
    const bootstrap = await cli([...COMMANDS.evaluate.slice(0, -2), '--bootstrap', 'x']);
    expect([bootstrap.code, bootstrap.stderr]).toEqual([2, 'mle-playground: --bootstrap must be a whole number of at least 0 (0 for none), got "x"\n']);
    const negative = await cli([...COMMANDS.evaluate, '--cost-fp', '-1', '--cost-fn', '1']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toMatch(/--cost-fp.*ambiguous.*\(for a negative number write it as --option=-1\); run mle-playground evaluate --help\n$/);
    const emptyThreshold = await cli([...COMMANDS.evaluate, '--threshold', ' ']);
    expect(emptyThreshold.stderr).toBe('mle-playground: --threshold must be a number, got " "\n');
  }, 60_000);

  test('missing arguments and a second file name get one message shape', async () => {
    expect((await cli(['profile'])).stderr).toBe('mle-playground: profile needs <csv>; run mle-playground profile --help\n');
    expect((await cli(['check', TITANIC])).stderr).toBe('mle-playground: check needs <csv> and --contract; run mle-playground check --help\n');
    expect((await cli(['train', TITANIC, '--label', 'survived'])).stderr).toBe('mle-playground: train needs <csv>, --contract or --label, and --out; run mle-playground train --help\n');
    expect((await cli(['evaluate', scores, '--label', 'label'])).stderr).toBe('mle-playground: evaluate needs <csv>, --label and --score; run mle-playground evaluate --help\n');
    const two = await cli(['profile', TITANIC, TITANIC]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('profile takes 1 file argument;');
  }, 60_000);

  test('--help after a command prints that command\'s usage only, and exits 0', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const { code, stdout } = await cli([name, '--help']);
      expect(code, name).toBe(0);
      expect(stdout.startsWith(`mle-playground ${name} <csv>`), name).toBe(true);
      expect(stdout.match(/^mle-playground \w+ <csv>/gm), name).toHaveLength(1);
    }
    const all = await cli(['--help']);
    expect(all.stdout.match(/^ {2}mle-playground \w+ <csv>/gm)).toHaveLength(4);
  }, 60_000);
});

describe('quiet output', () => {
  test('a train run writes nothing to stderr (no tfjs banner or other chatter) and pure JSON to stdout', async () => {
    for (const args of [['--model', 'logistic'], ['--model', 'mlp', '--backend', 'wasm']]) {
      const dir = mkdtempSync(join(tmpdir(), 'mle-opts-'));
      const { code, stdout, stderr } = await cli(['train', SAMPLE, '--label', 'target', ...args, '--out', dir]);
      expect(code, stderr).toBe(0);
      expect(stderr).not.toMatch(/TensorFlow\.js|tfjs-node|={5,}/);
      expect(stderr).toBe('');
      const summary = JSON.parse(stdout) as { bundle_id: string; backend: string };
      expect(summary.backend).toBe(args.includes('wasm') ? 'wasm' : 'cpu');
      expect(readFileSync(join(dir, 'scores-test.csv'), 'utf8').split('\n')[0]).toBe('row_index,label,score');
    }
  }, 120_000);
});
