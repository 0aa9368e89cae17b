import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../../bin/mle-playground.js', import.meta.url).pathname;

/**
 * Runs the CLI as a user would (a separate Node process on bin/mle-playground.js, which runs the build in dist-cli/ that
 * vitest's globalSetup makes from the current sources) and returns its exit code and both streams; `env` adds variables.
 */
export async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
