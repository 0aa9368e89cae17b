import { execSync } from 'node:child_process';
import type { AppInfo } from '../core/index.ts';
// Imported (not read at run time) so the built CLI, which lives in dist-cli/, carries the version with it.
import pkg from '../../package.json' with { type: 'json' };

/** Version from package.json and the git commit, when the CLI runs from a checkout. */
export function appInfo(): AppInfo {
  let gitSha = 'unknown';
  try {
    gitSha = execSync('git rev-parse --short=12 HEAD', { cwd: new URL('.', import.meta.url), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // Not a git checkout (e.g. an npm install): the version alone identifies the build.
  }
  return { version: pkg.version, gitSha };
}
