const QUOTE = 34;
const LF = 10;
const CR = 13;
const TAB = 9;

/** Tokenizer states: at the start of a field, inside an unquoted field, inside quotes, just after a quote inside quotes. */
const START = 0;
const PLAIN = 1;
const QUOTED = 2;
const CLOSED = 3;

/** A control character other than tab, LF and CR: refused wherever it is, so text with one takes the careful path. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;

/** Why the tokenizer stopped: a malformed quote, a control byte, a record too long to hold, or an unclosed quote. */
export type TokenProblem = 'quote' | 'control' | 'too-long' | 'unclosed';

/**
 * One record as the tokenizer hands it over, valid only during the handler call (the tokenizer reuses it): field `k`
 * is `strings[k]` when that is set (a quoted field, or one a chunk boundary cut), else `text.slice(starts[k], ends[k])`.
 * Ranges let the loader read numbers straight from the chunk's text without a string per cell.
 */
export interface CsvRecord {
  readonly length: number;
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly strings: readonly (string | null)[];
}

/** The fields of a record as strings. */
export function recordFields(record: CsvRecord): string[] {
  const out: string[] = [];
  for (let k = 0; k < record.length; k++) out.push(record.strings[k] ?? record.text.slice(record.starts[k], record.ends[k]));
  return out;
}

/** A record (see `CsvRecord`), the 1-based line it starts on, and whether it was a blank line. */
export type RecordHandler = (record: CsvRecord, line: number, blank: boolean) => void;
/** Called with the problem and where it is (1-based line and field); must throw. */
export type ProblemHandler = (problem: TokenProblem, line: number, field: number, detail: string) => never;

/**
 * Splits CSV text that arrives in pieces of any size into records, the way papaparse and Python's csv module read it:
 * a quote opens a quoted field only at the start of a field (so `5'11"` is text), `""` inside quotes is one quote,
 * and a record ends at LF, CRLF or a lone CR. State carries across `feed` calls, so where the text is cut never
 * changes the records. It holds at most one unfinished record, and refuses one longer than `maxRecordChars`.
 */
export class CsvTokenizer {
  readonly #delimiter: number;
  #state = START;
  readonly #record = { length: 0, text: '', starts: new Int32Array(64), ends: new Int32Array(64), strings: [] as (string | null)[] };
  #partial = '';
  #quotedRecord = false;
  #line = 1;
  #recordLine = 1;
  #quoteLine = 1;
  #afterCR = false;

  constructor(
    delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly onProblem: ProblemHandler,
    private readonly maxRecordChars = Number.POSITIVE_INFINITY,
  ) {
    this.#delimiter = delimiter.charCodeAt(0);
  }

  /** 1-based line of the next character. */
  get line(): number { return this.#line; }
  /** 1-based field of the next character within its record. */
  get field(): number { return this.#record.length + 1; }

  feed(text: string): void {
    const rec = this.#record;
    rec.text = text;
    let state = this.#state;
    let line = this.#line;
    const n = text.length;
    if ((state === START || state === PLAIN) && text.indexOf('"') < 0 && !CONTROL.test(text)) {
      this.#feedPlain(text);
      return;
    }
    const d = this.#delimiter;
    let seg = 0;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (state === QUOTED) {
        if (c === QUOTE) {
          this.#partial += text.slice(seg, i);
          state = CLOSED;
        } else if (c < 32) {
          if (c === CR || (c === LF && !(i > 0 ? text.charCodeAt(i - 1) === CR : this.#afterCR))) line++;
          else if (c !== LF && c !== TAB) this.#control(c, line);
        }
        continue;
      }
      if (state === PLAIN) {
        // The bulk of a file: ordinary characters of an unquoted field need no decision, so skip them in a tight loop.
        while (c !== d && c >= 32) {
          if (++i === n) break;
          c = text.charCodeAt(i);
        }
        if (i === n) break;
      }
      if (c === d) {
        this.#endField(text, state, seg, i);
        state = START;
        continue;
      }
      if (c === LF || c === CR) {
        // The LF of a CRLF: the CR already ended the record and counted the line.
        if (c === LF && (i > 0 ? text.charCodeAt(i - 1) === CR : this.#afterCR)) continue;
        this.#endField(text, state, seg, i);
        line++;
        this.#line = line;
        this.#emit(false);
        this.#recordLine = line;
        state = START;
        continue;
      }
      if (c === QUOTE) {
        if (state === START) {
          state = QUOTED;
          seg = i + 1;
          this.#quotedRecord = true;
          this.#quoteLine = line;
        } else if (state === CLOSED) {
          // `""` inside quotes: the second quote starts the next run of text, so one quote is kept.
          state = QUOTED;
          seg = i;
        }
        continue;
      }
      if (c < 32 && c !== TAB) this.#control(c, line);
      if (state === START) {
        state = PLAIN;
        seg = i;
      } else if (state === CLOSED) {
        this.#line = line;
        this.onProblem('quote', line, rec.length + 1, `a quoted field is followed by ${JSON.stringify(text[i])} instead of a delimiter or the end of the line; a quote inside a quoted field is written twice ("")`);
      }
    }
    if (state === PLAIN || state === QUOTED) this.#partial += text.slice(seg);
    this.#state = state;
    this.#line = line;
    this.#settle(text);
  }

  /**
   * `feed` for text with no quote and no control character (most chunks of most files): fields end only at the
   * delimiter and line ends, so it hops between those with indexOf, which V8 runs far faster than a charCodeAt loop.
   * The records are the ones the character loop gives.
   */
  #feedPlain(text: string): void {
    const n = text.length;
    const d = String.fromCharCode(this.#delimiter);
    let state = this.#state;
    let line = this.#line;
    let seg = 0;
    const next = (c: string, from: number) => {
      const at = text.indexOf(c, from);
      return at < 0 ? Infinity : at;
    };
    let nextD = next(d, 0);
    let nextLF = next('\n', 0);
    let nextCR = next('\r', 0);
    for (;;) {
      const stop = Math.min(nextD, nextLF, nextCR);
      if (stop === Infinity) break;
      if (stop === nextD) {
        nextD = next(d, stop + 1);
        this.#endField(text, stop > seg || state === PLAIN ? PLAIN : START, seg, stop);
        state = START;
        seg = stop + 1;
        continue;
      }
      if (stop === nextLF) {
        nextLF = next('\n', stop + 1);
        // The LF of a CRLF: the CR already ended the record and counted the line.
        if (stop > 0 ? text.charCodeAt(stop - 1) === CR : this.#afterCR) {
          seg = stop + 1;
          continue;
        }
      } else {
        nextCR = next('\r', stop + 1);
      }
      this.#endField(text, stop > seg || state === PLAIN ? PLAIN : START, seg, stop);
      line++;
      this.#line = line;
      this.#emit(false);
      this.#recordLine = line;
      state = START;
      seg = stop + 1;
    }
    if (seg < n) {
      this.#partial += text.slice(seg);
      state = PLAIN;
    }
    this.#state = state;
    this.#line = line;
    this.#settle(text);
  }

  // After a piece of text: remembers a final CR (a CRLF may be cut between pieces) and, when the record goes on in the
  // next piece, turns its finished fields into strings, since they can no longer point into this text.
  #settle(text: string): void {
    const rec = this.#record;
    const n = text.length;
    if (n > 0) this.#afterCR = text.charCodeAt(n - 1) === CR;
    if (this.#state !== START || rec.length > 0) {
      for (let k = 0; k < rec.length; k++) rec.strings[k] ??= text.slice(rec.starts[k], rec.ends[k]);
      this.#checkLength();
    }
  }

  /** Ends the text: emits the last record when the text does not end with a newline; refuses an unclosed quote. */
  end(): void {
    const rec = this.#record;
    if (this.#state === QUOTED) {
      this.onProblem('unclosed', this.#quoteLine, rec.length + 1, `a quoted field that opens on line ${this.#quoteLine} is never closed, so the rest of the file would be one cell`);
    }
    if (this.#state === START && rec.length === 0) return;
    this.#push(this.#partial);
    // A final line of spaces is not a record (editors leave them).
    this.#emit(rec.length === 1 && !this.#quotedRecord && this.#partial.trim() === '');
    this.#state = START;
  }

  // A field ends at `i`: an unquoted one that began in this text is kept as a range, anything else as a string.
  #endField(text: string, state: number, seg: number, i: number): void {
    if (state === START) this.#range(i, i);
    else if (state === PLAIN && this.#partial === '') this.#range(seg, i);
    else this.#push(state === PLAIN ? this.#partial + text.slice(seg, i) : this.#partial);
    this.#partial = '';
  }

  #range(start: number, end: number): void {
    const rec = this.#record;
    const k = rec.length;
    if (k === rec.starts.length) this.#grow();
    rec.starts[k] = start;
    rec.ends[k] = end;
    rec.strings[k] = null;
    rec.length = k + 1;
  }

  #push(field: string): void {
    const rec = this.#record;
    const k = rec.length;
    if (k === rec.starts.length) this.#grow();
    rec.strings[k] = field;
    rec.length = k + 1;
  }

  #grow(): void {
    const rec = this.#record;
    const starts = new Int32Array(rec.starts.length * 2);
    starts.set(rec.starts);
    const ends = new Int32Array(rec.ends.length * 2);
    ends.set(rec.ends);
    rec.starts = starts;
    rec.ends = ends;
  }

  #emit(blankIfEmpty: boolean): void {
    const rec = this.#record;
    const first = rec.strings[0];
    const empty = rec.length === 1 && (first === null ? rec.starts[0] === rec.ends[0] : first === '');
    const blank = blankIfEmpty || (empty && !this.#quotedRecord);
    this.#partial = '';
    this.#quotedRecord = false;
    this.onRecord(rec, this.#recordLine, blank);
    rec.length = 0;
  }

  #control(c: number, line: number): never {
    this.#line = line;
    return this.onProblem('control', line, this.#record.length + 1, `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  }

  #checkLength(): void {
    const rec = this.#record;
    let chars = this.#partial.length;
    for (let k = 0; k < rec.length; k++) chars += (rec.strings[k] as string).length;
    if (chars > this.maxRecordChars) {
      this.onProblem('too-long', this.#recordLine, rec.length + 1, this.#state === QUOTED
        ? `a quoted field that opens on line ${this.#quoteLine} runs past ${this.maxRecordChars} characters without closing (is a closing quote missing?)`
        : `the record that starts on line ${this.#recordLine} runs past ${this.maxRecordChars} characters without a line break`);
    }
  }
}
