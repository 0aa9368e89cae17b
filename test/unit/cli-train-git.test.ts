import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';

// `train` asks git for the commit in the background from its first line (app-info.ts). A run that fails before it
// writes a bundle must not then wait for that git: a git that hangs (a stalled network file system, say) kept such
// a run alive until git gave up, where before the background query it exited at once.
const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;

function hangingGit(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mle-git-'));
  const git = join(dir, 'git');
  writeFileSync(git, '#!/bin/sh\nsleep 20\necho 0123456789ab\n');
  chmodSync(git, 0o755);
  return dir;
}

describe('train and a git that hangs', () => {
  test('a train that fails before the bundle exits with its own code without waiting for git', async () => {
    const env = { PATH: `${hangingGit()}:${process.env.PATH ?? ''}` };
    const started = Date.now();
    const { code, stderr } = await cli(['train', TITANIC, '--label', 'no_such_column', '--out', join(tmpdir(), 'never')], env);
    const seconds = (Date.now() - started) / 1000;
    expect(code).toBe(2);
    expect(stderr).toContain('Column "no_such_column" is not in titanic.csv');
    // Far below git's 20 s: the run did not wait for it (a healthy run takes well under a second).
    expect(seconds).toBeLessThan(10);
  }, 30_000);
});
