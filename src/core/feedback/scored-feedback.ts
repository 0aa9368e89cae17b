import { parseGateSpec } from '../contract/gate-spec.ts';
import type { CollectedRows } from '../scoring/batch-scorer.ts';
import { feedbackReport, type FeedbackReport, type SliceFloor } from './feedback-report.ts';
import { joinLabels, labelValue, LabelJoinError } from './label-join.ts';

/** The parts of a bundle's inference contract that reading labels needs (kept structural: feedback must not import bundle, which imports the ledger). */
export interface LabelContract {
  label: string;
  classes: readonly string[];
  positive_class: string;
  missing_tokens: readonly string[];
  threshold: number;
}

/** A labels CSV read whole: its trimmed header and data rows (rows numbered from 1), and its file name. */
export interface LabelsTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Where the labels of a scored snapshot come from, and the columns that join them. */
export interface FeedbackSource {
  /** A later labels file; null to use the snapshot's own label column. */
  readonly labels: LabelsTable | null;
  /** Join column (in both files); required with `labels`. */
  readonly key: string | null;
  /** Event-time column: with labels, key and time must both match; it also gives the rows' ages. */
  readonly time: string | null;
}

/** The slice floors (`kind: "slice"` gates) of a bundle's gates.json content; none when it has none or is unreadable. */
export function sliceFloors(gates: unknown): SliceFloor[] {
  if (gates === null || typeof gates !== 'object') return [];
  const spec = parseGateSpec((gates as { spec?: unknown }).spec ?? gates);
  if (!spec.ok) return [];
  return spec.spec.gates.flatMap((g) => (g.kind === 'slice' ? [{ id: g.id, column: g.column, metric: g.metric, min: g.min, minRows: g.minRows }] : []));
}

/** Epoch days of a time cell (ISO date/time, or epoch seconds or milliseconds); NaN when unreadable. */
function epochDays(text: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  const n = Number(t);
  const ms = Number.isFinite(n) ? (n < 1e11 ? n * 1000 : n) : Date.parse(t);
  return ms / 86_400_000;
}

/** Per cell, days before the newest readable time in `cells` (NaN where a cell is unreadable). */
export function eventAgeDays(cells: readonly string[]): number[] {
  const days = cells.map(epochDays);
  const newest = days.reduce((a, b) => (Number.isNaN(b) ? a : Math.max(a, b)), -Infinity);
  return days.map((d) => newest - d);
}

function column(table: LabelsTable, name: string, what: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new LabelJoinError(`${table.name} has no column "${name}" (${what})`);
  return i;
}

/**
 * The feedback report of a scored snapshot: the scored rows (`collected`, which must hold the label, key and time
 * columns it needs) joined with their labels. Throws `LabelJoinError` naming the file, row or column on a bad join.
 */
export function scoredFeedback(
  collected: CollectedRows, contract: LabelContract, source: FeedbackSource,
  promised: Readonly<Record<string, unknown>>, floors: readonly SliceFloor[], seed = 0,
): FeedbackReport & { readonly labels_from: string } {
  const cells = (name: string, what: string): string[] => {
    const c = collected.cells[name];
    if (!c) throw new LabelJoinError(`the scored snapshot has no column "${name}" (${what})`);
    return c;
  };
  const read = (text: string | null, where: string) => (text === null ? null : labelValue(text, contract.classes, contract.positive_class, contract.missing_tokens, where));
  const times = source.time ? cells(source.time, 'event time') : null;
  let labels: (0 | 1 | null)[];
  let from: string;
  if (source.labels) {
    const table = source.labels;
    if (!source.key) throw new LabelJoinError(`joining ${table.name} needs a key column`);
    const keys = cells(source.key, 'key');
    const k = column(table, source.key, 'key');
    const l = column(table, contract.label, "the bundle's label");
    const t = source.time ? column(table, source.time, 'event time') : -1;
    const records = table.rows.map((r) => ({ key: r[k] ?? '', time: t >= 0 ? r[t] ?? '' : null, label: r[l] ?? '' }));
    const joined = joinLabels(keys, times, records, table.name);
    labels = joined.map((text, i) => read(text, `${table.name} (joined to row ${collected.rows[i]})`));
    from = table.name;
  } else {
    const own = cells(contract.label, "the bundle's label");
    labels = own.map((text, i) => read(text, `row ${collected.rows[i]}, column ${contract.label}`));
    from = `column ${contract.label}`;
  }
  const sliceCells: Record<string, string[]> = {};
  for (const f of floors) if (collected.cells[f.column]) sliceCells[f.column] = collected.cells[f.column] as string[];
  const report = feedbackReport({
    scores: Float64Array.from(collected.scores), labels, ageDays: times ? eventAgeDays(times) : null,
    sliceCells, threshold: contract.threshold, promised, floors, seed,
  });
  return { ...report, labels_from: from };
}
