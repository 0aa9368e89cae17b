import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CellOverflow, ColumnBuilder, MAX_MAGNITUDE, UNCOUNTED } from './column-builder.ts';
import type { ColumnProfiler } from './column-profile.ts';
import { CsvTokenizer, recordFields, type CsvRecord, type TokenProblem } from './csv-tokenizer.ts';
import { guessDelimiter } from './delimiter.ts';
import { escapeName, raggedMessage, uniqueHeader } from './header.ts';
import { fail } from './load-error.ts';
import type { Snapshot } from './snapshot.ts';
import { countDistinctFloat64 } from './sort-float64.ts';
import { checkFirstChunk, completeLength, firstInvalidUtf8 } from './utf8-chunks.ts';

/** Cell values read as missing by default (after trimming). */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'null', 'NaN', '?'];

/**
 * Longest record (characters) held while waiting for its end: one read chunk's worth. A longer one is almost always
 * an unclosed quote or a file with no line breaks, and holding it would grow memory without bound.
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

export interface ParseOptions {
  readonly missingTokens?: readonly string[];
  /** The file's size when known up front; lets the column buffers be sized once from the first chunk's row length. */
  readonly expectedBytes?: number;
  /** A streaming SHA-256 to use instead of the portable one (the CLI passes Node's native hash, about 5× faster). */
  readonly createHash?: () => { update(bytes: Uint8Array): unknown; digest(): Uint8Array };
  /**
   * Profiles each column as the load finishes (one sort per float column serves distinct counts and quantiles);
   * composed in by `core/load`, since profiling sits above loading. Without it, the snapshot has no profiles.
   */
  readonly profile?: ColumnProfiler;
}

/**
 * Streaming CSV ingestion: bytes arrive in chunks of any size; each is hashed (SHA-256), checked as strict UTF-8 and
 * tokenised (`CsvTokenizer`) straight into typed column builders. Memory holds the columns plus one chunk and at most
 * one unfinished record, never the whole file. Problems throw `LoadFailure` with a file/row/line/column location.
 */
export class CsvIngest {
  readonly #hash: { update(bytes: Uint8Array): unknown; digest(): Uint8Array };
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  readonly #missing: ReadonlySet<string>;
  readonly #warnings: string[] = [];
  #bytes = 0;
  #tail: Uint8Array = new Uint8Array(0);
  #pending = '';
  #tokenizer: CsvTokenizer | null = null;
  #blanks = 0;
  #delimiter: string | null = null;
  #header: string[] | null = null;
  #builders: ColumnBuilder[] = [];
  #rows = 0;
  #expectedBytes: number;
  #reserved = false;
  readonly #profile: ColumnProfiler | null;

  constructor(readonly fileName: string, options: ParseOptions = {}) {
    this.#missing = new Set(options.missingTokens ?? DEFAULT_MISSING_TOKENS);
    this.#expectedBytes = options.expectedBytes ?? 0;
    this.#hash = options.createHash?.() ?? sha256.create();
    this.#profile = options.profile ?? null;
  }

  /** Bytes consumed so far. */
  get bytesRead(): number { return this.#bytes; }
  /** Data rows parsed so far. */
  get rows(): number { return this.#rows; }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const skip = this.#bytes === 0 ? checkFirstChunk(chunk, this.fileName) : 0;
    this.#hash.update(chunk);
    const start = this.#bytes + skip - this.#tail.length;
    this.#bytes += chunk.length;
    const body = skip ? chunk.subarray(skip) : chunk;
    const buf = this.#tail.length ? concat(this.#tail, body) : body;
    const cut = completeLength(buf);
    this.#tail = buf.slice(cut);
    this.#feed(this.#decode(buf.subarray(0, cut), start));
    if (!this.#reserved && this.#expectedBytes > 0 && this.#rows > 0) {
      this.#reserved = true;
      // 5% headroom over the first chunk's bytes per row; a wrong guess only means one more doubling later.
      const estimate = Math.ceil((this.#expectedBytes / this.#bytes) * this.#rows * 1.05);
      for (const b of this.#builders) b.reserve(estimate);
    }
  }

  /** Parses what is left and returns the snapshot; `id` is the SHA-256 of every byte pushed. */
  finish(): Snapshot {
    if (this.#bytes === 0) fail('empty', `${this.fileName} is empty (0 bytes). Choose a CSV file with a header row and data rows.`);
    if (this.#tail.length) this.#decode(this.#tail, this.#bytes - this.#tail.length);
    if (!this.#tokenizer && this.#pending !== '') this.#start(this.#pending);
    this.#tokenizer?.end();
    const names = this.#header;
    if (!names) fail('empty', `${this.fileName} has no header row: the file contains only blank lines.`);
    if (this.#rows === 0) {
      fail('no-rows', `${this.fileName} has a header row (${names.length} column${names.length === 1 ? '' : 's'}: ${names.slice(0, 5).map((n) => `"${escapeName(n)}"`).join(', ')}${names.length > 5 ? ', …' : ''}) but no data rows.`, { line: 2, row: 1 });
    }
    const built = this.#builders.map((b) => b.build());
    const profile = this.#profile;
    const profiles = profile ? built.map((c) => profile(c, this.#rows)) : undefined;
    const columns = built.map((c, i) => (c.distinct === UNCOUNTED && 'values' in c ? { ...c, distinct: profiles ? profiles[i].distinct : countDistinctFloat64(c.values) } : c));
    return {
      id: bytesToHex(this.#hash.digest()), fileName: this.fileName, byteLength: this.#bytes, rowCount: this.#rows,
      delimiter: this.#delimiter ?? ',', columns, warnings: this.#warnings, ...(profiles ? { profiles } : {}),
    };
  }

  #decode(bytes: Uint8Array, start: number): string {
    try {
      return this.#decoder.decode(bytes);
    } catch {
      const bad = Math.max(0, firstInvalidUtf8(bytes));
      // The valid text before the bad byte goes through the tokenizer, so the location is the one it would have.
      this.#feed(new TextDecoder().decode(bytes.subarray(0, bad)));
      if (!this.#tokenizer) this.#start(this.#pending);
      const line = this.#tokenizer?.line ?? 1;
      const field = this.#tokenizer?.field ?? 1;
      const record = this.#header ? this.#rows + 1 : 0;
      const column = this.#header?.[field - 1];
      const where = `line ${line}${record > 0 ? ` (data row ${record})` : ' (the header)'}, column ${field}${column !== undefined ? ` "${escapeName(column)}"` : ''}`;
      fail('encoding', `${this.fileName} is not valid UTF-8: byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${start + bad}, ${where}. Re-save the file as UTF-8.`, {
        byte: start + bad, line, field, column, row: record > 0 ? record : undefined,
      });
    }
  }

  // The delimiter is guessed from the header line, so text is held until the first line break.
  #feed(text: string): void {
    if (this.#tokenizer) {
      this.#tokenizer.feed(text);
      return;
    }
    this.#pending += text;
    if (/[\r\n]/.test(this.#pending)) this.#start(this.#pending);
    else if (this.#pending.length > MAX_RECORD_CHARS) fail('too-long', `${this.fileName}: the header line runs past ${MAX_RECORD_CHARS} characters without a line break; is this a CSV file?`, { line: 1 });
  }

  #start(text: string): void {
    this.#pending = '';
    this.#delimiter = guessDelimiter(text.split(/[\r\n]/, 1)[0]);
    this.#tokenizer = new CsvTokenizer(this.#delimiter, (record, line, blank) => this.#row(record, line, blank), (problem, line, field, detail) => this.#problem(problem, line, field, detail), MAX_RECORD_CHARS);
    this.#tokenizer.feed(text);
  }

  #problem(problem: TokenProblem, line: number, field: number, detail: string): never {
    const record = this.#header ? this.#rows + 1 : 0;
    const column = this.#header?.[field - 1];
    const where = `line ${line}${record > 0 ? ` (data row ${record})` : ' (the header)'}, column ${field}${column !== undefined ? ` "${escapeName(column)}"` : ''}`;
    const location = { line, field, column, row: record > 0 ? record : undefined };
    if (problem === 'control') fail('binary', `${this.fileName}: ${detail} at ${where}; CSV text carries no control characters other than tab and line breaks.`, location);
    if (problem === 'unclosed') fail('quotes', `${this.fileName}: ${detail}.`, { line });
    if (problem === 'too-long') fail('too-long', `${this.fileName}: ${detail}.`, { line });
    fail('quotes', `${this.fileName}, ${where}: ${detail}.`, location);
  }

  #row(record: CsvRecord, line: number, blank: boolean): void {
    if (!this.#header) {
      if (blank) return;
      this.#header = uniqueHeader(recordFields(record), this.#warnings);
      this.#builders = this.#header.map((name) => new ColumnBuilder(name, this.#missing));
      return;
    }
    if (blank) {
      // A blank line in a one-column file is that column's empty cell; trailing ones are only line ends, so they wait.
      if (this.#header.length === 1) this.#blanks++;
      return;
    }
    for (; this.#blanks > 0; this.#blanks--) {
      this.#rows++;
      this.#push(EMPTY_RECORD, line - this.#blanks);
    }
    this.#rows++;
    if (record.length !== this.#header.length) raggedMessage(this.fileName, this.#rows, line, recordFields(record), this.#header);
    this.#push(record, line);
  }

  #push(record: CsvRecord, line: number): void {
    const builders = this.#builders;
    const { text, starts, ends, strings } = record;
    for (let c = 0; c < builders.length; c++) {
      try {
        const field = strings[c];
        if (field === null) builders[c].pushRange(text, starts[c], ends[c]);
        else builders[c].push(field);
      } catch (e) {
        if (!(e instanceof CellOverflow)) throw e;
        const name = escapeName(builders[c].name);
        fail('overflow', `${this.fileName}, line ${line} (data row ${this.#rows}), column ${c + 1} "${name}": ${JSON.stringify(e.cell)} is too large in magnitude to compute with (beyond ±${MAX_MAGNITUDE}).`, {
          line, row: this.#rows, field: c + 1, column: builders[c].name,
        });
      }
    }
  }
}

/** The one empty cell a blank line stands for in a one-column file. */
const EMPTY_RECORD: CsvRecord = { length: 1, text: '', starts: new Int32Array(1), ends: new Int32Array(1), strings: [''] };

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
