import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { errorText, loadCsv, type ParseOptions, type Snapshot } from '../core/index.ts';
import { CliError } from './cli-error.ts';

/** Reads and parses a CSV through the same core as the page; unreadable input exits 2 with a located reason. */
export async function readSnapshot(path: string, options: ParseOptions = {}): Promise<Snapshot> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
  const result = await loadCsv(bytes, basename(path), options);
  if (!result.ok) throw new CliError(result.error.message, 2);
  return result.snapshot;
}
