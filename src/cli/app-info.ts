import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AppInfo } from '../core/index.ts';

/** Version from package.json and the git commit, when the CLI runs from a checkout. */
export function appInfo(): AppInfo {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  let gitSha = 'unknown';
  try {
    gitSha = execSync('git rev-parse --short=12 HEAD', { cwd: new URL('.', import.meta.url), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // Not a git checkout (e.g. an npm install): the version alone identifies the build.
  }
  return { version: pkg.version, gitSha };
}
