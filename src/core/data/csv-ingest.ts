import Papa from 'papaparse';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ColumnBuilder, UNCOUNTED } from './column-builder.ts';
import type { ColumnProfiler } from './column-profile.ts';
import { guessDelimiter, splitHeader } from './delimiter.ts';
import { raggedMessage, uniqueHeader } from './header.ts';
import { fail } from './load-error.ts';
import { positionAtEnd, RecordScanner } from './record-scanner.ts';
import type { Snapshot } from './snapshot.ts';
import { countDistinctFloat64 } from './sort-float64.ts';
import { checkFirstChunk, completeLength, firstInvalidUtf8 } from './utf8-chunks.ts';

/** Cell values read as missing by default (after trimming). */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'null', 'NaN', '?'];

export interface ParseOptions {
  readonly missingTokens?: readonly string[];
  /** The file's size when known up front; lets the column buffers be sized once from the first chunk's row length. */
  readonly expectedBytes?: number;
  /**
   * Profiles each column as the load finishes (one sort per float column serves distinct counts and quantiles);
   * composed in by `core/load`, since profiling sits above loading. Without it, the snapshot has no profiles.
   */
  readonly profile?: ColumnProfiler;
}

/**
 * Streaming CSV ingestion: bytes arrive in chunks of any size; each is hashed (SHA-256), checked as strict UTF-8,
 * cut at the last complete record and tokenised by papaparse straight into typed column builders. Memory holds the
 * columns plus one chunk, never the whole file. Problems throw `LoadFailure` with a file/row/line/column location.
 */
export class CsvIngest {
  readonly #hash = sha256.create();
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  readonly #scanner = new RecordScanner();
  readonly #missing: ReadonlySet<string>;
  readonly #warnings: string[] = [];
  #bytes = 0;
  #tail: Uint8Array = new Uint8Array(0);
  #carry = '';
  #linesBefore = 0;
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
    this.#accept(this.#decode(buf.subarray(0, cut), start));
  }

  /** Parses what is left and returns the snapshot; `id` is the SHA-256 of every byte pushed. */
  finish(): Snapshot {
    if (this.#bytes === 0) fail('empty', `${this.fileName} is empty (0 bytes). Choose a CSV file with a header row and data rows.`);
    if (this.#tail.length) this.#decode(this.#tail, this.#bytes - this.#tail.length);
    if (this.#scanner.inQuotes) {
      const line = this.#scanner.quoteLine + 1;
      fail('quotes', `${this.fileName}: a quoted field that opens on line ${line} is never closed, so the rest of the file would be one cell.`, { line });
    }
    if (this.#carry.trim() !== '') this.#parse(this.#carry.endsWith('\n') ? this.#carry : `${this.#carry}\n`);
    this.#carry = '';
    const names = this.#header;
    if (!names) fail('empty', `${this.fileName} has no header row: the file contains only blank lines.`);
    if (this.#rows === 0) {
      fail('no-rows', `${this.fileName} has a header row (${names.length} column${names.length === 1 ? '' : 's'}: ${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}${names.length > 5 ? ', …' : ''}) but no data rows.`, { line: 2, row: 1 });
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
      const before = `${this.#carry}${new TextDecoder().decode(bytes.subarray(0, bad))}`;
      const delimiter = this.#delimiter ?? guessDelimiter(before.split('\n', 1)[0]);
      const at = positionAtEnd(before, delimiter);
      const line = this.#linesBefore + at.newlines + 1;
      const record = (this.#header ? 1 + this.#rows : 0) + at.records;
      const names = this.#header ?? splitHeader(before.split('\n', 1)[0], delimiter);
      const column = names[at.field - 1];
      const where = `line ${line}${record > 0 ? ` (data row ${record})` : ' (the header)'}, column ${at.field}${column ? ` "${column}"` : ''}`;
      fail('encoding', `${this.fileName} is not valid UTF-8: byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${start + bad}, ${where}. Re-save the file as UTF-8.`, {
        byte: start + bad, line, field: at.field, column, row: record > 0 ? record : undefined,
      });
    }
  }

  #accept(text: string): void {
    const end = this.#scanner.scan(text);
    if (end === 0) {
      this.#carry += text;
      return;
    }
    const complete = this.#carry + text.slice(0, end);
    this.#carry = text.slice(end);
    this.#parse(complete);
  }

  // `text` holds whole records and ends with a newline.
  #parse(text: string): void {
    this.#delimiter ??= guessDelimiter(text.split('\n', 1)[0]);
    let error: unknown = null;
    Papa.parse<string[]>(text, {
      delimiter: this.#delimiter,
      // Only truly empty lines are skipped: a row of empty cells is a row of missing values and keeps row numbers true.
      skipEmptyLines: true,
      step: (step, parser) => {
        try {
          this.#row(step.data, text, step.meta.cursor);
        } catch (e) {
          error = e;
          parser.abort();
        }
      },
    });
    if (error) throw error;
    if (!this.#reserved && this.#expectedBytes > 0 && this.#rows > 0) {
      this.#reserved = true;
      // 5% headroom over the first chunk's bytes per row; a wrong guess only means one more doubling later.
      const estimate = Math.ceil((this.#expectedBytes / this.#bytes) * this.#rows * 1.05);
      for (const b of this.#builders) b.reserve(estimate);
    }
    let newlines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines++;
    this.#linesBefore += newlines;
  }

  #row(fields: string[], text: string, cursor: number): void {
    if (!this.#header) {
      this.#header = uniqueHeader(fields, this.#warnings);
      this.#builders = this.#header.map((name) => new ColumnBuilder(name, this.#missing));
      return;
    }
    this.#rows++;
    if (fields.length !== this.#header.length) {
      const before = text.slice(0, cursor);
      const trailing = before.endsWith('\n') ? 1 : 0;
      const line = this.#linesBefore + before.split('\n').length - trailing;
      raggedMessage(this.fileName, this.#rows, line, fields, this.#header);
    }
    for (let c = 0; c < this.#builders.length; c++) this.#builders[c].push(fields[c]);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
