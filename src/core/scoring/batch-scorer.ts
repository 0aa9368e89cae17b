import { guessDelimiter } from '../data/delimiter.ts';
import { checkFirstChunk } from '../data/utf8-chunks.ts';
import { DriftAccumulator } from '../drift/drift-accumulator.ts';
import { predictDense } from '../models/dense-stack.ts';
import { forEachRecord, forEachRecordSpan, type FieldSpans } from './csv-records.ts';
import { RecordScanner, splitHeader } from './record-scanner.ts';
import { RowEncoder, type CellIssue } from './row-encoder.ts';
import { csvField, maskValue, REJECTS_HEADER, scoredHeader } from './score-columns.ts';
import type { ScoringBundle } from './scoring-bundle.ts';
import { DEFAULT_ISSUE_POLICY, ISSUE_KINDS, type IssueKind, type IssuePolicy } from './validation-policy.ts';

/** Thrown before any row is scored when the new file cannot be scored at all (e.g. a required column is missing). */
export class ScoringStopped extends Error {}

/** How a scoring job treats each issue kind, and whether it also counts drift. */
export interface BatchScorerOptions {
  readonly policy?: IssuePolicy;
  /** Accumulate drift counts against the bundle's reference profile. */
  readonly drift?: boolean;
  /** Input columns echoed after `flags` in each scored row (e.g. PII columns the user asked for); never by default. */
  readonly echo?: readonly string[];
  /** Input columns whose cells are kept, per scored row, in `collected` (with its row number and score), for feedback. */
  readonly collect?: readonly string[];
}

/** Per scored row, in order: its row number, positive-class score, and the cell text of each collected column. */
export interface CollectedRows {
  readonly rows: number[];
  readonly scores: number[];
  readonly cells: Readonly<Record<string, string[]>>;
}

/** Text produced by one `push` or `finish`: scored rows and rejects as CSV (headers included in the first output). */
export interface ScoredText {
  readonly scored: string;
  readonly rejects: string;
}

/** Running totals of a scoring job. */
export interface ScoringProgress {
  readonly bytes: number;
  readonly rows: number;
  readonly scored: number;
  readonly rejected: number;
  readonly flagged: number;
  /** Issues seen per kind (counted per cell), whatever the policy did with them. */
  readonly issues: Readonly<Record<IssueKind, number>>;
}

/**
 * Streaming batch scoring of a CSV against a bundle: bytes arrive in chunks of any size; each whole-record chunk is
 * validated row by row against the inference contract, encoded, scored in one forward pass and written out as CSV
 * text. Memory holds one chunk. Rows are numbered from 1 (the first data row), as in load errors.
 */
export class BatchScorer {
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #scanner: RecordScanner | null = null;
  readonly #policy: IssuePolicy;
  readonly #pii: ReadonlySet<string>;
  #carry = '';
  #bytes = 0;
  #delimiter = ',';
  #encoder: RowEncoder | null = null;
  #header: string[] | null = null;
  #keyField = -1;
  #rows = 0;
  #scored = 0;
  #rejected = 0;
  #flagged = 0;
  readonly #issues: Record<IssueKind, number> = Object.fromEntries(ISSUE_KINDS.map((k) => [k, 0])) as Record<IssueKind, number>;
  #echoFields: number[] = [];
  #collectFields: number[] = [];
  /** Cells of the `collect` columns present in the file, per scored row; null when none were asked for. */
  collected: CollectedRows | null = null;
  /** Drift counts of the rows seen so far, when the job was asked for drift (set once the header is read). */
  drift: DriftAccumulator | null = null;

  constructor(readonly bundle: ScoringBundle, readonly fileName: string, readonly options: BatchScorerOptions = {}) {
    this.#policy = options.policy ?? DEFAULT_ISSUE_POLICY;
    this.#pii = new Set(bundle.contract.pii_columns);
    if (options.drift && !bundle.reference) throw new ScoringStopped(`${bundle.id} has no reference-profile.json, so drift cannot be checked; re-export the bundle`);
  }

  get progress(): ScoringProgress {
    return { bytes: this.#bytes, rows: this.#rows, scored: this.#scored, rejected: this.#rejected, flagged: this.#flagged, issues: { ...this.#issues } };
  }

  /** Feeds the next bytes of the file; returns the CSV text for the whole records they completed. */
  push(chunk: Uint8Array): ScoredText {
    if (chunk.length === 0) return { scored: '', rejects: '' };
    if (this.#bytes === 0) checkFirstChunk(chunk, this.fileName);
    this.#bytes += chunk.length;
    let text: string;
    try {
      text = this.#decoder.decode(chunk, { stream: true });
    } catch {
      throw new ScoringStopped(`${this.fileName} is not valid UTF-8 (somewhere in bytes ${this.#bytes - chunk.length}..${this.#bytes}); re-save it as UTF-8`);
    }
    if (!this.#scanner) {
      // Records are found with the file's own delimiter, so the scanner starts once the header line is complete.
      const pending = this.#carry + text;
      const newline = pending.indexOf('\n');
      if (newline < 0) {
        this.#carry = pending;
        return { scored: '', rejects: '' };
      }
      this.#carry = '';
      text = pending;
      this.#scanner = new RecordScanner(guessDelimiter(pending.slice(0, newline).replace(/^\uFEFF/, '')));
    }
    const end = this.#scanner.scan(text);
    if (end === 0) {
      this.#carry += text;
      return { scored: '', rejects: '' };
    }
    const complete = this.#carry + text.slice(0, end);
    this.#carry = text.slice(end);
    return this.#records(complete);
  }

  /** Scores what is left; call once after the last `push`. */
  finish(): ScoredText {
    const rest = this.#carry + this.#decoder.decode();
    this.#carry = '';
    if (this.#scanner?.inQuotes) throw new ScoringStopped(`${this.fileName}: a quoted field that opens on line ${this.#scanner.quoteLine + 1} is never closed`);
    const out = rest.trim() === '' ? { scored: '', rejects: '' } : this.#records(rest.endsWith('\n') ? rest : `${rest}\n`);
    if (!this.#header) throw new ScoringStopped(`${this.fileName} is empty: it has no header row`);
    return out;
  }

  #start(header: string[]): void {
    const contract = this.bundle.contract;
    const absent = contract.columns.map((c) => c.name).filter((name) => !header.includes(name));
    if (absent.length) {
      throw new ScoringStopped(`${this.fileName} lacks ${absent.length === 1 ? 'the column' : 'the columns'} ${absent.map((n) => `"${n}"`).join(', ')} that the model needs; nothing was scored`);
    }
    this.#header = header;
    this.#encoder = new RowEncoder(this.bundle.preprocessing, contract, header);
    this.#keyField = contract.entity_key ? header.indexOf(contract.entity_key) : -1;
    this.#echoFields = (this.options.echo ?? []).map((name) => header.indexOf(name)).filter((i) => i >= 0);
    const collect = (this.options.collect ?? []).filter((name, i, all) => header.includes(name) && all.indexOf(name) === i);
    this.#collectFields = collect.map((name) => header.indexOf(name));
    if (this.options.collect) this.collected = { rows: [], scores: [], cells: Object.fromEntries(collect.map((name) => [name, []])) };
    if (this.options.drift && this.bundle.reference) this.drift = new DriftAccumulator(this.bundle.reference, this.#encoder.columns);
  }

  #records(text: string): ScoredText {
    let rejects = '';
    let scoredHead = '';
    if (!this.#header) {
      const firstLine = text.slice(0, text.indexOf('\n')).replace(/^\uFEFF/, '');
      this.#delimiter = guessDelimiter(firstLine);
      this.#start(splitHeader(firstLine, this.#delimiter).map((h) => h.trim()));
      text = text.slice(text.indexOf('\n') + 1).replace(/^\uFEFF/, '');
      scoredHead = `${[...scoredHeader(this.bundle.contract), ...this.#echoFields.map((i) => (this.#header as string[])[i] as string)].map(csvField).join(',')}\n`;
      rejects = `${REJECTS_HEADER.join(',')}\n`;
    }
    const encoder = this.#encoder as RowEncoder;
    const header = this.#header as string[];
    const width = encoder.width;
    const rowNumbers: number[] = [];
    const keys: string[] = [];
    const flags: string[] = [];
    const echoes: string[] = [];
    const echoFields = this.#echoFields;
    const collected = this.collected;
    const collectFields = this.#collectFields;
    const collectNames = Object.keys(collected?.cells ?? {});
    let x = new Float64Array(width * 1024);
    const issues: CellIssue[] = [];
    let row = 0;
    // Starts a record: numbers it, notes a wrong field count and makes room for its inputs; returns where they go.
    const begin = (fieldCount: number): number => {
      row = ++this.#rows;
      issues.length = 0;
      if (fieldCount !== header.length) issues.push({ kind: 'ragged_row', column: '', value: `${fieldCount} fields, header has ${header.length}` });
      const n = rowNumbers.length;
      if ((n + 1) * width > x.length) {
        const grown = new Float64Array(x.length * 2);
        grown.set(x);
        x = grown;
      }
      return n * width;
    };
    // Ends a record: applies the policy to its issues, then queues it for scoring or writes it to the rejects.
    const end = (base: number, key: string, cell: (field: number) => string): void => {
      if (this.drift) this.drift.addRow(encoder.numbers, encoder.keys);
      let reject = false;
      for (const issue of issues) {
        this.#issues[issue.kind]++;
        if (this.#policy[issue.kind] === 'reject') reject = true;
      }
      if (reject) {
        this.#rejected++;
        x.fill(0, base, base + width);
        for (const issue of issues) {
          const value = this.#pii.has(issue.column) ? maskValue(issue.value) : issue.value;
          rejects += `${row},${csvField(issue.column)},${issue.kind},${csvField(value)}\n`;
        }
        return;
      }
      rowNumbers.push(row);
      keys.push(key);
      flags.push(issues.length ? issues.map((i) => (i.column ? `${i.kind}:${i.column}` : i.kind)).join(';') : '');
      if (issues.length) this.#flagged++;
      if (echoFields.length) echoes.push(echoFields.map((f) => `,${csvField(cell(f))}`).join(''));
      if (collected) {
        collected.rows.push(row);
        collectFields.forEach((f, i) => collected.cells[collectNames[i] as string]?.push(cell(f).trim()));
      }
    };
    const keyField = this.#keyField;
    if (text.indexOf('"') < 0) {
      // One cell reader for the chunk: the scanner reuses one spans object from record to record.
      let current: FieldSpans | null = null;
      const cell = (f: number) => (current && f < current.count ? text.slice(current.starts[f], current.ends[f]) : '');
      forEachRecordSpan(text, this.#delimiter, (spans) => {
        current = spans;
        const base = begin(spans.count);
        encoder.encodeSpans(text, spans.starts, spans.ends, spans.count, x, base, issues);
        end(base, keyField >= 0 ? cell(keyField).trim() : '', cell);
      });
    } else {
      forEachRecord(text, this.#delimiter, (fields) => {
        const base = begin(fields.length);
        encoder.encode(fields, x, base, issues);
        end(base, keyField >= 0 ? (fields[keyField] ?? '').trim() : '', (f) => fields[f] ?? '');
      });
    }
    return { scored: scoredHead + this.#score(x, rowNumbers, keys, flags, echoes), rejects };
  }

  #score(x: Float64Array, rowNumbers: readonly number[], keys: readonly string[], flags: readonly string[], echoes: readonly string[]): string {
    const n = rowNumbers.length;
    if (n === 0) return '';
    const { contract, model, id } = this.bundle;
    const out = predictDense(model, x, n);
    const k = out.length / n;
    const multiclass = contract.task === 'multiclass';
    const positive = multiclass ? contract.classes.indexOf(contract.positive_class) : 0;
    const t = contract.threshold;
    const bins = contract.calibration;
    const keyed = contract.entity_key !== null;
    const modelVersion = csvField(id);
    // Per-chunk constants, so the per-row work is two number formats and one concatenation.
    const positiveText = csvField(contract.positive_class);
    const negativeText = csvField(multiclass ? `not ${contract.positive_class}` : contract.classes[0]);
    const rateText = Array.from({ length: 10 }, (_, b) => (bins[b] && bins[b].observed_rate !== null ? String(bins[b].observed_rate) : ''));
    const tail = `,${modelVersion},`;
    const lines: string[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const p = multiclass ? out[r * k + positive] : out[r];
      let prefix = keyed ? `${rowNumbers[r]},${csvField(keys[r])},` : `${rowNumbers[r]},`;
      if (multiclass) {
        let best = 0;
        for (let c = 0; c < k; c++) {
          prefix += `${out[r * k + c]},`;
          if (out[r * k + c] > out[r * k + best]) best = c;
        }
        prefix += `${csvField(contract.classes[best])},`;
      }
      const rate = rateText[Math.min(Math.floor(p * 10), 9)] ?? '';
      const flag = flags[r] ? csvField(flags[r]) : '';
      lines[r] = `${prefix}${p},${p >= t ? positiveText : negativeText},${Math.abs(p - t)},${rate}${tail}${flag}${echoes[r] ?? ''}\n`;
      if (this.drift) this.drift.addScore(p);
      if (this.collected) this.collected.scores.push(p);
    }
    this.#scored += n;
    return lines.join('');
  }
}
