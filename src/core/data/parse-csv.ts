import { CsvIngest, type ParseOptions } from './csv-ingest.ts';
import { LoadFailure, type LoadError } from './load-error.ts';
import type { Snapshot } from './snapshot.ts';

export { DEFAULT_MISSING_TOKENS, type ParseOptions } from './csv-ingest.ts';

export type LoadResult = { ok: true; snapshot: Snapshot } | { ok: false; error: LoadError };

/** Chunk size for streaming reads: large enough to amortise per-chunk work, small enough to keep memory flat. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** Runs `body` and turns a `LoadFailure` into a `LoadResult` value (comlink drops custom error fields). */
export async function asLoadResult(body: () => Promise<Snapshot> | Snapshot): Promise<LoadResult> {
  try {
    return { ok: true, snapshot: await body() };
  } catch (e) {
    if (e instanceof LoadFailure) return { ok: false, error: e.error };
    throw e;
  }
}

/** Parses CSV bytes held in memory into a typed-column snapshot identified by the SHA-256 of the bytes. */
export function parseCsv(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<LoadResult> {
  return asLoadResult(() => {
    const ingest = new CsvIngest(fileName, { expectedBytes: bytes.length, ...options });
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) ingest.push(bytes.subarray(at, at + CHUNK_BYTES));
    return ingest.finish();
  });
}
