import type { DriftLevels, InferenceContract } from '../core/index.ts';

/** Column names of a CSV's first line (its own delimiter: comma, semicolon, tab or pipe), trimmed and unquoted. */
export function headerColumns(head: string): string[] {
  const line = (head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '');
  const delimiter = [',', ';', '\t', '|'].reduce((best, d) => (line.split(d).length > line.split(best).length ? d : best), ',');
  return line.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim()).filter((h) => h !== '');
}

/** The join key a labels file most likely uses: the bundle's entity key when the file has it, else none. */
export function defaultKey(header: readonly string[], contract: Pick<InferenceContract, 'entity_key'>): string {
  return contract.entity_key && header.includes(contract.entity_key) ? contract.entity_key : '';
}

/** The model columns a header lacks (the job would stop on them before scoring). */
export function absentColumns(header: readonly string[], contract: Pick<InferenceContract, 'columns'>): string[] {
  return contract.columns.map((c) => c.name).filter((name) => !header.includes(name));
}

/** Why these levels cannot be used (a negative or non-number, or a warn above its alert), or null when they can. */
export function levelsProblem(levels: DriftLevels): string | null {
  for (const [key, value] of Object.entries(levels)) {
    if (!Number.isFinite(value) || value < 0) return `${key.replace('_', ' ')} must be a number ≥ 0`;
  }
  if (levels.psi_warn > levels.psi_alert) return 'the PSI warn level must not exceed its alert level';
  if (levels.missing_warn > levels.missing_alert) return 'the missing-rate warn level must not exceed its alert level';
  return null;
}

/** Bytes as the page shows them: B, KB, MB or GB with one decimal above bytes. */
export function byteText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

/** The file name of a scored download: `<snapshot>.scored.csv` (or `.partial.scored.csv` for a cancelled job). */
export function scoredName(snapshot: string, kind: 'scored' | 'rejects', partial: boolean): string {
  const base = snapshot.replace(/\.(csv|tsv|txt)$/i, '');
  return `${base}${partial ? '.partial' : ''}.${kind}.csv`;
}

/** The sentence announced when a job ends: how many rows were scored, rejected and flagged, and how fast. */
export function endText(o: { partial: boolean; seconds: number; progress: { rows: number; scored: number; rejected: number; flagged: number } }): string {
  const p = o.progress;
  const rate = Math.round(p.rows / Math.max(o.seconds, 1e-9));
  return `${o.partial ? 'Cancelled: kept' : 'Scored'} ${p.scored} of ${p.rows} rows (${p.rejected} rejected, ${p.flagged} scored with a flag) ` +
    `in ${o.seconds < 1 ? `${Math.round(o.seconds * 1000)} ms` : `${o.seconds.toFixed(1)} s`}, ${rate.toLocaleString('en-US')} rows/s${o.partial ? '; the files below are partial' : ''}.`;
}

/** One plotted bin: reference and new shares. */
export interface PlotBin {
  readonly label: string;
  readonly reference: number;
  readonly new: number;
}

/**
 * Bins fit for a small plot: at most `max`. Past that (a categorical with many values), the max − 1 bins with the
 * largest share on either side stay in their order and the rest are summed into one "N others" bin; numbers in labels
 * are cut to 3 significant digits.
 */
export function plotBins(bins: readonly PlotBin[], max = 12): PlotBin[] {
  const tidy = (label: string) => label.replace(/-?\d+\.\d{4,}(e[-+]?\d+)?/g, (n) => String(Number(Number(n).toPrecision(3))));
  if (bins.length <= max) return bins.map((b) => ({ ...b, label: tidy(b.label) }));
  const keep = new Set([...bins.keys()].sort((a, b) => Math.max(bins[b].reference, bins[b].new) - Math.max(bins[a].reference, bins[a].new)).slice(0, max - 1));
  const rest = bins.filter((_, i) => !keep.has(i));
  return [
    ...bins.filter((_, i) => keep.has(i)).map((b) => ({ ...b, label: tidy(b.label) })),
    { label: `${rest.length} others`, reference: rest.reduce((s, b) => s + b.reference, 0), new: rest.reduce((s, b) => s + b.new, 0) },
  ];
}
