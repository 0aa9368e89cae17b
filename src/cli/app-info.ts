import { execFile } from 'node:child_process';
import type { AppInfo } from '../core/index.ts';
// Imported (not read at run time) so the built CLI, which lives in dist-cli/, carries the version with it.
import pkg from '../../package.json' with { type: 'json' };

/**
 * Version from package.json and the git commit, when the CLI runs from a checkout. Asked of git in the background:
 * a caller starts it early and awaits it when it writes the bundle, so the 20 ms git takes to start overlap work.
 * Aborting `signal` (a run that failed, and will write no bundle) lets go of git, so a git that hangs cannot keep
 * the process alive; the promise then gives 'unknown', as it does for a git that takes over 10 s.
 */
export function appInfo(signal?: AbortSignal): Promise<AppInfo> {
  return new Promise((resolve) => {
    const git = execFile('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: new URL('.', import.meta.url), timeout: 10_000 }, (error, stdout) => {
      // Not a git checkout (e.g. an npm install), or no git: the version alone identifies the build.
      const sha = error ? '' : String(stdout).trim();
      resolve({ version: pkg.version, gitSha: /^[0-9a-f]{12}$/.test(sha) ? sha : 'unknown' });
    });
    // Closing the pipes too: a git run through a wrapper script leaves its child holding them after the kill.
    signal?.addEventListener('abort', () => {
      git.stdout?.destroy();
      git.stderr?.destroy();
      git.kill();
    }, { once: true });
  });
}
