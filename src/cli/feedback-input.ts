import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { bundlePromise as corePromise, errorText, feedbackReport, LabelJoinError, snapshotLabels, type FeedbackReport, type SliceFloor, type SnapshotLabels } from '../core/index.ts';
import type { ScoringBundle } from '../core/scoring.ts';
import { CliError } from './cli-error.ts';
import { inputLimits } from './read-snapshot.ts';

/** A CSV read whole: its trimmed header and its data rows (rows numbered from 1, as the scorer numbers them). */
export interface CsvTable {
  readonly header: string[];
  readonly rows: string[][];
}

/** Reads a whole CSV for the feedback join; an unreadable or empty file exits 2 naming it. */
export function readCsvTable(path: string): CsvTable {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > inputLimits.maxBytes) throw new Error(`it is ${size} bytes, over the --max-bytes limit of ${inputLimits.maxBytes}`);
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header) throw new CliError(`${path} is empty: it has no header row`, 2);
  return { header: header.map((h) => h.trim()), rows };
}

/** The column's index in `table`, or exit 2 naming the file and the flag that asked for it. */
export function columnIndex(table: CsvTable, name: string, file: string, flag: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new CliError(`${basename(file)} has no column "${name}" (${flag})`, 2);
  return i;
}

/** metrics.json (test figures at the top level) and the slice floors of gates.json, read from a bundle zip. */
export function bundlePromise(zipPath: string): { promised: Record<string, unknown>; floors: SliceFloor[] } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(readFileSync(zipPath)), { filter: (e) => e.name === 'metrics.json' || e.name === 'gates.json' });
  } catch (e) {
    throw new CliError(`${zipPath} is not a readable bundle zip (${errorText(e)})`, 2);
  }
  const json = (name: string): unknown => {
    const bytes = files[name];
    if (!bytes) return null;
    try {
      return JSON.parse(strFromU8(bytes)) as unknown;
    } catch {
      throw new CliError(`${basename(zipPath)}: ${name} is not valid JSON`, 2);
    }
  };
  return corePromise(json('metrics.json'), json('gates.json'));
}

/** Where labels come from: a later labels file joined by key (and event time), or the snapshot's own label column. */
export interface LabelSource {
  readonly labels: string | undefined;
  readonly key: string | undefined;
  readonly time: string | undefined;
}

/** Scores of the rows a job scored, by row number, read back from its scored CSV. */
export function readScores(scoredPath: string): Map<number, number> {
  const table = readCsvTable(scoredPath);
  const row = table.header.indexOf('row');
  const score = table.header.indexOf('score');
  return new Map(table.rows.map((r) => [Number(r[row]), Number(r[score])]));
}

/**
 * Per input row (n): the label (1, 0, or null when it has not arrived) and the age in days of its event time, measured
 * from the newest event time in the snapshot; null when no labels can exist (no --labels and no label column).
 */
export function rowLabels(bundle: ScoringBundle, input: CsvTable, inputPath: string, source: LabelSource): SnapshotLabels | null {
  const c = bundle.contract;
  if (source.labels && !(source.key ?? c.entity_key)) throw new CliError('--labels needs --key COL: the bundle has no entity key to join on', 2);
  const labels = source.labels ? { name: basename(source.labels), ...readCsvTable(source.labels) } : null;
  try {
    return snapshotLabels(c, { name: basename(inputPath), ...input }, { labels, ...(source.key ? { key: source.key } : {}), ...(source.time ? { time: source.time } : {}) });
  } catch (e) {
    if (e instanceof LabelJoinError) throw new CliError(e.message, 2);
    throw e;
  }
}

/** The feedback report of one scored job: rows the job scored (by number) joined with their labels and slice cells. */
export function scoredFeedback(bundle: ScoringBundle, zipPath: string, input: CsvTable, scores: Map<number, number>, labelled: { labels: (0 | 1 | null)[]; ageDays: number[] | null }, seed: number): FeedbackReport {
  const { promised, floors } = bundlePromise(zipPath);
  const rows = [...scores.keys()].sort((a, b) => a - b);
  const sliceCells: Record<string, string[]> = {};
  for (const f of floors) {
    const i = input.header.indexOf(f.column);
    if (i >= 0) sliceCells[f.column] = rows.map((r) => (input.rows[r - 1]?.[i] ?? '').trim());
  }
  return feedbackReport({
    scores: Float64Array.from(rows, (r) => scores.get(r) as number), labels: rows.map((r) => labelled.labels[r - 1] ?? null),
    ageDays: labelled.ageDays ? rows.map((r) => labelled.ageDays?.[r - 1] ?? NaN) : null,
    sliceCells, threshold: bundle.contract.threshold, promised, floors, seed,
  });
}
