const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Field states, as the data tokenizer reads them: field start, unquoted text, inside quotes, just after a closing quote. */
const START = 0;
const PLAIN = 1;
const QUOTED = 2;
const CLOSED = 3;

/**
 * Finds record boundaries in CSV text that arrives in pieces, by the same quote rule as the data tokenizer: a quote
 * opens a quoted field only at the start of a field (so `5'11"` is text) and a newline ends a record only outside
 * quotes. State carries across `scan` calls; positions returned are within the text passed to that call.
 */
export class RecordScanner {
  readonly #delimiter: number;
  #state = START;
  #lines = 0;
  #quoteLine = 0;

  constructor(delimiter: string) {
    this.#delimiter = delimiter.charCodeAt(0);
  }

  /** True while the text seen so far ends inside a quoted field. */
  get inQuotes(): boolean { return this.#state === QUOTED; }
  /** 0-based line on which the currently open quoted field started. */
  get quoteLine(): number { return this.#quoteLine; }

  /** Scans `text`; returns the index just past the last record-ending newline in it, or 0 when there is none. */
  scan(text: string): number {
    const d = this.#delimiter;
    let state = this.#state;
    let end = 0;
    if (state !== QUOTED && text.indexOf('"') < 0) {
      // No quote in the text (the usual case): only line ends matter, so hop between them (V8 finds one character far
      // faster than a charCodeAt loop), then read the state from the text after the last one.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
        this.#lines++;
        end = at + 1;
      }
      if (end > 0) state = START;
      for (let i = end; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === d) state = START;
        else if (c !== CR) state = PLAIN;
      }
      this.#state = state;
      return end;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state === QUOTED) {
        if (c === QUOTE) state = CLOSED;
        else if (c === LF) this.#lines++;
        continue;
      }
      if (c === QUOTE && (state === START || state === CLOSED)) {
        // At a field's start a quote opens it; right after a closing quote it is the second half of an escaped "".
        if (state === START) this.#quoteLine = this.#lines;
        state = QUOTED;
      } else if (c === d) state = START;
      else if (c === LF) {
        this.#lines++;
        end = i + 1;
        state = START;
      } else if (c !== CR) state = PLAIN;
    }
    this.#state = state;
    return end;
  }
}

/** The fields of one header line (no newline in it), unquoted by the same rule as `RecordScanner`. */
export function splitHeader(line: string, delimiter: string): string[] {
  const names: string[] = [];
  let current = '';
  let state = START;
  for (const ch of line.replace(/\r$/, '')) {
    if (state === QUOTED) {
      if (ch === '"') state = CLOSED;
      else current += ch;
    } else if (ch === '"' && (state === START || state === CLOSED)) {
      if (state === CLOSED) current += '"';
      state = QUOTED;
    } else if (ch === delimiter) {
      names.push(current);
      current = '';
      state = START;
    } else {
      current += ch;
      state = PLAIN;
    }
  }
  names.push(current);
  return names;
}
