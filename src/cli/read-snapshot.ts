import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { errorText, asLoadResult, CHUNK_BYTES, profilingIngest, type ParseOptions, type Snapshot } from '../core/index.ts';
import { CliError } from './cli-error.ts';

/** Default input size limit: files past it are refused before reading, so a wrong path cannot fill memory. */
export const DEFAULT_MAX_BYTES = 4 * 1024 ** 3;

/** The input limits every command reads under; `takeMaxBytes` sets them from the command line. */
export const inputLimits = { maxBytes: DEFAULT_MAX_BYTES };

const UNITS: Readonly<Record<string, number>> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** Removes `--max-bytes N` (or `--max-bytes=N`; N in bytes or with a K/M/G suffix) from `argv` and applies it. */
export function takeMaxBytes(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg !== '--max-bytes' && !arg.startsWith('--max-bytes=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--max-bytes' ? argv[++i] : arg.slice('--max-bytes='.length);
    const m = /^(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?$/i.exec(value ?? '');
    const bytes = m ? Math.floor(Number(m[1]) * UNITS[m[2].toUpperCase()]) : NaN;
    if (!(bytes > 0)) throw new CliError(`--max-bytes needs a size such as 500M or 2G, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`, 2);
    inputLimits.maxBytes = bytes;
  }
  return rest;
}

function size(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${bytes} bytes`;
}

/**
 * Reads `path` in chunks, handing each to `consume`, never holding the whole file; refuses a file larger than the
 * `--max-bytes` limit, before reading when its size is known, else (a pipe, /dev/zero) as soon as it passes it.
 */
export function readChunks(path: string, consume: (chunk: Uint8Array) => void): void {
  const limit = inputLimits.maxBytes;
  const tooLarge = (what: string): CliError =>
    new CliError(`${path} is ${what}, over the input limit of ${size(limit)}; pass --max-bytes with a larger size to read it`, 2);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CliError(`cannot read ${path}: it is a directory`, 2);
    if (stat.isFile() && stat.size > limit) throw tooLarge(size(stat.size));
    let total = 0;
    for (;;) {
      const buffer = new Uint8Array(CHUNK_BYTES);
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
      }
      if (n === 0) return;
      total += n;
      if (total > limit) throw tooLarge(`more than ${size(limit)}`);
      consume(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads and parses a CSV through the same core as the page, streaming; unreadable input exits 2 with a located reason. */
export async function readSnapshot(path: string, options: ParseOptions = {}): Promise<Snapshot> {
  const result = await asLoadResult(() => {
    let expectedBytes = 0;
    try {
      const stat = statSync(path);
      expectedBytes = stat.isFile() ? stat.size : 0;
    } catch {
      // The size only sizes the column buffers; reading reports any real problem.
    }
    const ingest = profilingIngest(basename(path), { expectedBytes, createHash: () => createHash('sha256'), ...options });
    readChunks(path, (chunk) => ingest.push(chunk));
    return ingest.finish();
  });
  if (!result.ok) throw new CliError(result.error.message, 2);
  return result.snapshot;
}
