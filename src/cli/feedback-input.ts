import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { errorText, feedbackReport, joinLabels, LabelJoinError, labelValue, parseGateSpec, type FeedbackReport, type SliceFloor } from '../core/index.ts';
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
  const metrics = json('metrics.json');
  const gates = json('gates.json');
  const spec = gates === null ? null : parseGateSpec((gates as { spec?: unknown }).spec ?? gates);
  const floors = spec?.ok ? spec.spec.gates.flatMap((g) => (g.kind === 'slice' ? [{ id: g.id, column: g.column, metric: g.metric, min: g.min, minRows: g.minRows }] : [])) : [];
  return { promised: metrics !== null && typeof metrics === 'object' ? (metrics as Record<string, unknown>) : {}, floors };
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

/** Epoch days of a time cell (ISO date/time or epoch seconds/milliseconds), NaN when unreadable. */
function days(text: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  const n = Number(t);
  const ms = Number.isFinite(n) ? (n < 1e11 ? n * 1000 : n) : Date.parse(t);
  return ms / 86_400_000;
}

/**
 * Per input row (n): the label (1, 0, or null when it has not arrived) and the age in days of its event time, measured
 * from the newest event time in the snapshot; null when no labels can exist (no --labels and no label column).
 */
export function rowLabels(bundle: ScoringBundle, input: CsvTable, inputPath: string, source: LabelSource): { labels: (0 | 1 | null)[]; ageDays: number[] | null; from: string } | null {
  const c = bundle.contract;
  const read = (text: string | null, where: string) => (text === null ? null : labelValue(text, c.classes, c.positive_class, c.missing_tokens, where));
  const timeIdx = source.time ? columnIndex(input, source.time, inputPath, '--time') : -1;
  let ageDays: number[] | null = null;
  if (timeIdx >= 0) {
    const d = input.rows.map((r) => days(r[timeIdx] ?? ''));
    const newest = d.reduce((a, b) => (Number.isNaN(b) ? a : Math.max(a, b)), -Infinity);
    ageDays = d.map((x) => newest - x);
  }
  try {
    if (source.labels) {
      const key = source.key ?? c.entity_key ?? undefined;
      if (!key) throw new CliError('--labels needs --key COL: the bundle has no entity key to join on', 2);
      const keyIdx = columnIndex(input, key, inputPath, '--key');
      const table = readCsvTable(source.labels);
      const lk = columnIndex(table, key, source.labels, '--key');
      const ll = columnIndex(table, c.label, source.labels, 'the bundle\'s label');
      const lt = source.time ? columnIndex(table, source.time, source.labels, '--time') : -1;
      const records = table.rows.map((r) => ({ key: r[lk] ?? '', time: lt >= 0 ? r[lt] ?? '' : null, label: r[ll] ?? '' }));
      const joined = joinLabels(input.rows.map((r) => r[keyIdx] ?? ''), lt >= 0 ? input.rows.map((r) => r[timeIdx] ?? '') : null, records, basename(source.labels));
      return { labels: joined.map((t, r) => read(t, `${basename(source.labels as string)} (joined to row ${r + 1})`)), ageDays, from: basename(source.labels) };
    }
    const li = input.header.indexOf(c.label);
    if (li < 0) return null;
    return { labels: input.rows.map((r, i) => read(r[li] ?? '', `${basename(inputPath)} row ${i + 1}, column ${c.label}`)), ageDays, from: `${basename(inputPath)} column ${c.label}` };
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
