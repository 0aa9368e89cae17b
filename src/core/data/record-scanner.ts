/**
 * Finds record boundaries in CSV text that arrives in pieces: a newline ends a record only outside quotes.
 * State carries across `scan` calls; positions returned are within the text passed to that call.
 */
export class RecordScanner {
  #inQuotes = false;
  #lines = 0;
  #quoteLine = 0;

  /** True while the text seen so far ends inside a quoted field. */
  get inQuotes(): boolean { return this.#inQuotes; }
  /** Newlines seen so far (quoted or not). */
  get lines(): number { return this.#lines; }
  /** 0-based line on which the currently open quoted field started. */
  get quoteLine(): number { return this.#quoteLine; }

  /** Scans `text`; returns the index just past the last record-ending newline in it, or 0 when there is none. */
  scan(text: string): number {
    let end = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.#inQuotes = !this.#inQuotes;
        if (this.#inQuotes) this.#quoteLine = this.#lines;
      } else if (c === 10) {
        this.#lines++;
        if (!this.#inQuotes) end = i + 1;
      }
    }
    return end;
  }
}

/** Counts for locating a position inside text that starts at a record boundary. */
export interface TextPosition {
  /** Newlines before the position. */
  readonly newlines: number;
  /** Records completed before the position (unquoted newlines). */
  readonly records: number;
  /** 1-based field within the current record. */
  readonly field: number;
}

/** Where the end of `text` falls, counting delimiters and newlines outside quotes. */
export function positionAtEnd(text: string, delimiter: string): TextPosition {
  let newlines = 0;
  let records = 0;
  let field = 1;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      newlines++;
      if (!quoted) { records++; field = 1; }
    } else if (!quoted && ch === delimiter) field++;
  }
  return { newlines, records, field };
}
