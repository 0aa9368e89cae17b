import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { errorText, unzipBundle, type IssuePolicy } from '../core/index.ts';
import { BatchScorer, openScoringBundle, quietTfjs, type ScoredText, type ScoringBundle } from '../core/scoring.ts';
import { CliError } from './cli-error.ts';

const CHUNK_BYTES = 64 * 1024;

/** Opens a bundle zip for scoring; an unreadable or incomplete bundle exits 2 with the reason. */
export async function readScoringBundle(path: string): Promise<ScoringBundle> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
  quietTfjs();
  try {
    return await openScoringBundle(await unzipBundle(bytes, basename(path)), basename(path));
  } catch (e) {
    throw new CliError(errorText(e), 2);
  }
}

/** Where a job's text goes: a file descriptor, or nowhere. */
type Sink = number | null;

function write(sink: Sink, text: string): void {
  if (sink !== null && text) writeSync(sink, text);
}

/**
 * Streams `csv` through a BatchScorer in 64 KB chunks (small chunks keep the GC in its cheap young generation), writing scored rows and rejects as they come, so memory stays
 * flat whatever the file's size. A problem that stops the job (e.g. a missing column) exits 2 before any row is scored.
 */
export function runScoreJob(bundle: ScoringBundle, csv: string, out: string | null, rejects: string | null, policy: IssuePolicy, drift: boolean): BatchScorer {
  let input: number;
  try {
    input = openSync(csv, 'r');
  } catch (e) {
    throw new CliError(`cannot read ${csv}: ${errorText(e)}`, 2);
  }
  const scorer = new BatchScorer(bundle, basename(csv), { policy, drift });
  const sinks: Sink[] = [];
  const buffer = new Uint8Array(CHUNK_BYTES);
  try {
    // The first chunk is scored before any output file is created, so a stopped job leaves nothing half-written.
    let pending: ScoredText[] = [];
    for (;;) {
      const n = readSync(input, buffer, 0, CHUNK_BYTES, null);
      const text = n > 0 ? scorer.push(buffer.subarray(0, n)) : scorer.finish();
      pending.push(text);
      if (sinks.length === 0 && (text.scored || text.rejects || n === 0)) {
        sinks.push(out ? openSync(out, 'w') : null, rejects ? openSync(rejects, 'w') : null);
      }
      if (sinks.length) {
        for (const t of pending) {
          write(sinks[0], t.scored);
          write(sinks[1], t.rejects);
        }
        pending = [];
      }
      if (n === 0) break;
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(errorText(e), 2);
  } finally {
    closeSync(input);
    for (const s of sinks) if (s !== null) closeSync(s);
  }
  return scorer;
}
