import { readFileSync } from 'node:fs';
import { errorText, BundleError, bundleSummary, readBundle } from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { needs, readOptions } from './options.ts';

export const INSPECT_USAGE = `mle-playground inspect <bundle.zip>

Verifies a bundle zip read-only (safe entry names, no links, sizes within caps, every file known and present, SHA-256
of every file against manifest.json, format version, each JSON file against its schema) and prints a JSON summary on
stdout. Nothing is extracted or run. Exits 0 when the bundle is valid, 2 when it is not, with the reason on stderr.`;

/** `inspect <bundle.zip>`: exit 0 and a summary when valid; a CliError (exit 2) naming the first problem otherwise. */
export async function inspectCommand(args: string[]): Promise<void> {
  const [path] = readOptions('inspect', args, {}).positionals;
  if (!path) throw needs('inspect', '<bundle.zip>');
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
  try {
    const bundle = await readBundle(zip);
    process.stdout.write(`${JSON.stringify(bundleSummary(bundle), null, 2)}\n`);
  } catch (e) {
    if (e instanceof BundleError) throw new CliError(`${path} is not a valid bundle (${e.kind}): ${e.message}`, 2);
    throw e;
  }
}
