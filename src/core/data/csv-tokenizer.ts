const QUOTE = 34;
const LF = 10;
const CR = 13;
const TAB = 9;

/** Tokenizer states: at the start of a field, inside an unquoted field, inside quotes, just after a quote inside quotes. */
const START = 0;
const PLAIN = 1;
const QUOTED = 2;
const CLOSED = 3;

/** Why the tokenizer stopped: a malformed quote, a control byte, a record too long to hold, or an unclosed quote. */
export type TokenProblem = 'quote' | 'control' | 'too-long' | 'unclosed';

/** A record as the tokenizer hands it over: its fields, the 1-based line it starts on, and whether it was a blank line. */
export type RecordHandler = (fields: string[], line: number, blank: boolean) => void;

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
  #fields: string[] = [];
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
  get field(): number { return this.#fields.length + 1; }

  feed(text: string): void {
    const d = this.#delimiter;
    let fields = this.#fields;
    let state = this.#state;
    let line = this.#line;
    let seg = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
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
      if (c === d) {
        fields.push(state === PLAIN ? this.#partial + text.slice(seg, i) : state === CLOSED ? this.#partial : '');
        this.#partial = '';
        state = START;
        continue;
      }
      if (c === LF || c === CR) {
        // The LF of a CRLF: the CR already ended the record and counted the line.
        if (c === LF && (i > 0 ? text.charCodeAt(i - 1) === CR : this.#afterCR)) continue;
        fields.push(state === PLAIN ? this.#partial + text.slice(seg, i) : state === CLOSED ? this.#partial : '');
        line++;
        this.#line = line;
        this.#emit(false);
        fields = this.#fields;
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
        this.onProblem('quote', line, fields.length + 1, `a quoted field is followed by ${JSON.stringify(text[i])} instead of a delimiter or the end of the line; a quote inside a quoted field is written twice ("")`);
      }
    }
    if (state === PLAIN || state === QUOTED) this.#partial += text.slice(seg);
    this.#state = state;
    this.#line = line;
    if (n > 0) this.#afterCR = text.charCodeAt(n - 1) === CR;
    if (state !== START || fields.length > 0) this.#checkLength();
  }

  /** Ends the text: emits the last record when the text does not end with a newline; refuses an unclosed quote. */
  end(): void {
    if (this.#state === QUOTED) {
      this.onProblem('unclosed', this.#quoteLine, this.#fields.length + 1, `a quoted field that opens on line ${this.#quoteLine} is never closed, so the rest of the file would be one cell`);
    }
    if (this.#state === START && this.#fields.length === 0) return;
    this.#fields.push(this.#partial);
    // A final line of spaces is not a record (editors leave them).
    this.#emit(this.#fields.length === 1 && !this.#quotedRecord && this.#partial.trim() === '');
    this.#state = START;
  }

  #emit(blankIfEmpty: boolean): void {
    const fields = this.#fields;
    const blank = blankIfEmpty || (fields.length === 1 && fields[0] === '' && !this.#quotedRecord);
    this.#fields = [];
    this.#partial = '';
    this.#quotedRecord = false;
    this.onRecord(fields, this.#recordLine, blank);
  }

  #control(c: number, line: number): never {
    this.#line = line;
    return this.onProblem('control', line, this.#fields.length + 1, `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  }

  #checkLength(): void {
    let chars = this.#partial.length;
    for (const f of this.#fields) chars += f.length;
    if (chars > this.maxRecordChars) {
      this.onProblem('too-long', this.#recordLine, this.#fields.length + 1, this.#state === QUOTED
        ? `a quoted field that opens on line ${this.#quoteLine} runs past ${this.maxRecordChars} characters without closing (is a closing quote missing?)`
        : `the record that starts on line ${this.#recordLine} runs past ${this.maxRecordChars} characters without a line break`);
    }
  }
}
