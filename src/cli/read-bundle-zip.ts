import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { CliError } from './cli-error.ts';
import { errorText } from '../core/error-text.ts';

/** Bundle entries by path, and a JSON reader that names the file it failed on. */
export interface BundleZip {
  readonly files: Readonly<Record<string, Uint8Array>>;
  json<T>(path: string): T;
}

/**
 * Reads a bundle zip with fflate, in one place so the hardened reader (path, size and ratio checks) can replace it.
 * Unreadable zips and missing or malformed JSON exit 2 naming the file.
 */
export function readBundleZip(path: string): BundleZip {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(readFileSync(path)));
  } catch (e) {
    throw new CliError(`cannot read ${path} as a zip: ${errorText(e)}`, 2);
  }
  return {
    files,
    json<T>(entry: string): T {
      const bytes = Object.hasOwn(files, entry) ? files[entry] : undefined;
      if (!bytes) throw new CliError(`${path} has no ${entry}`, 2);
      try {
        return JSON.parse(new TextDecoder().decode(bytes)) as T;
      } catch (e) {
        throw new CliError(`${path}: ${entry} is not valid JSON: ${errorText(e)}`, 2);
      }
    },
  };
}
