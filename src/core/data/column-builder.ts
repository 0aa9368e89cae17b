import type { Column, ParseNotes } from './column.ts';
import { epochFormat, parseIsoDate } from './datetime.ts';

/**
 * Distinct count of a float column before profiling: counting needs a sort, and the profile sorts anyway, so
 * `CsvIngest.finish` fills it from the profile instead of sorting every column twice.
 */
export const UNCOUNTED = -1;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
// Comma-grouped thousands: 1-3 leading digits, then groups of exactly three, an optional decimal part.
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Largest magnitude a numeric cell may have. Beyond it squares overflow float64 (variance, standardisation), so a
 * value such as 1e308 would turn a model's scores into NaN far from the cell that caused it.
 */
export const MAX_MAGNITUDE = 1e150;

/** Thrown by `ColumnBuilder.push` for a number too large to compute with; the loader adds the location. */
export class CellOverflow extends Error {
  constructor(readonly cell: string) {
    super(`${cell} is beyond ±${MAX_MAGNITUDE}`);
  }
}
const EXAMPLES = 5;
const BOOLEAN_PAIRS: ReadonlyArray<readonly [string, string]> = [['false', 'true'], ['no', 'yes'], ['n', 'y']];

/** A trimmed cell as a finite number, or NaN when it is not plain decimal notation (so `0x1F`, `Infinity`, `1,5` are not numbers). */
export function parseNumber(cell: string): number {
  const v = plainNumber(cell.trim());
  return Number.isFinite(v) ? v : NaN;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * `Number(cell)` for plain decimals of at most 15 digits (`-123.45678`), the bulk of numeric cells, without the
 * generic string-to-number conversion: the digits form an exact integer below 2^53 and one division by an exact power
 * of ten rounds correctly, so the result is bit-for-bit `Number(cell)`. Anything else takes `generalNumber`.
 */
function plainNumber(cell: string): number {
  return plainRange(cell, 0, cell.length);
}

/** `plainNumber(text.slice(start, end))` without making the slice unless the general parser is needed. */
function plainRange(text: string, start: number, end: number): number {
  let i = start;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (negative || c === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) scale++;
    } else if (c === 46 && !dot) dot = true;
    else return generalRange(text, start, end);
  }
  if (digits === 0 || digits > 15) return generalRange(text, start, end);
  const v = scale === 0 ? mantissa : mantissa / POW10[scale];
  return negative ? -v : v;
}

/** `generalNumber` of the range, sliced only when it can be a number (text such as a category costs no string). */
function generalRange(text: string, start: number, end: number): number {
  const c0 = text.charCodeAt(start);
  if (!((c0 >= 48 && c0 <= 57) || c0 === 43 || c0 === 45 || c0 === 46)) return NaN;
  return generalNumber(text.slice(start, end));
}

/**
 * `Number(cell)` restricted to plain decimal notation: JavaScript's own parser does the work, and the few spellings it
 * accepts beyond decimals (hex/octal/binary prefixes, Infinity, empty) are refused.
 * A decimal too large for float64 (`1e999`) comes back as ±Infinity, so the caller can refuse it rather than read text.
 */
function generalNumber(cell: string): number {
  const c0 = cell.charCodeAt(0);
  // Must start with a digit, a sign or a point; this also rules out "", "Infinity" and words.
  if (!((c0 >= 48 && c0 <= 57) || c0 === 43 || c0 === 45 || c0 === 46)) return NaN;
  const v = +cell;
  // "-Infinity" and "+Infinity" spell a word, not an overflowing number.
  if (!Number.isFinite(v)) return v === v && cell.charCodeAt(cell.length - 1) !== 121 ? v : NaN;
  // "0x1F", "0b1", "0o7": a radix prefix right after a leading zero (signed forms are already NaN).
  if (c0 === 48 && cell.length > 1) {
    const c1 = cell.charCodeAt(1) | 32;
    if (c1 === 120 || c1 === 111 || c1 === 98) return NaN;
  }
  return v;
}

/** FNV-1a over the UTF-16 code units of `text.slice(start, end)`. */
function hashText(text: string, start = 0, end = text.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Whether `text` at `start` spells `known` (the caller has checked the length). */
function sameText(known: string, text: string, start: number): boolean {
  for (let j = 0; j < known.length; j++) if (known.charCodeAt(j) !== text.charCodeAt(start + j)) return false;
  return true;
}

function hasComma(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 44) return true;
  return false;
}

function grow<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(a: T, make: (n: number) => T): T {
  const next = make(Math.max(16, a.length * 2));
  next.set(a);
  return next;
}

/**
 * The first `n` cells as the column's final array. A buffer at most 25% too large is kept as a view instead of copied,
 * so building every column never holds two full copies of the data (the peak-memory goal is 2× the typed columns).
 */
function fit<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(buffer: T, n: number): T {
  return (buffer.length <= n * 1.25 + 16 ? buffer.subarray(0, n) : buffer.slice(0, n)) as T;
}

/**
 * Accumulates one column's cells straight into typed buffers, then settles on numeric, boolean or categorical.
 * While every cell is a number only float64 values are kept (no strings), so numeric columns stay cheap; the first
 * non-numeric cell switches the column to dictionary codes, re-keying earlier numbers by their shortest spelling.
 */
export class ColumnBuilder {
  #numbers: Float64Array<ArrayBuffer>;
  #codes: Int32Array<ArrayBuffer> | null = null;
  #slots = new Int32Array(64);
  #categories: string[] = [];
  #length = 0;
  #missing = 0;
  #present = 0;
  #numericCells = 0;
  readonly #numericRows: number[] = [];
  readonly #textRows: number[] = [];
  #decimalCommas = 0;
  readonly #decimalCommaRows: number[] = [];
  #thousands = 0;
  readonly #thousandsRows: number[] = [];

  readonly #longestToken: number;
  // The missing tokens as a list when short enough to scan; a long list is looked up in its set.
  readonly #tokens: readonly string[] | null;

  constructor(readonly name: string, private readonly missingTokens: ReadonlySet<string>, capacity = 1024) {
    // A loop, not Math.max(...tokens): a spread of a million tokens overflows the call stack.
    let longest = 0;
    for (const t of missingTokens) longest = Math.max(longest, t.length);
    this.#longestToken = longest;
    this.#tokens = missingTokens.size <= 16 ? [...missingTokens] : null;
    this.#numbers = new Float64Array(Math.max(16, capacity));
  }

  /** Adds one cell (trimmed here). */
  push(raw: string): void {
    // trim() only when an end is whitespace: most cells are already clean and this runs for every cell of the file.
    const cell = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
    this.#add(cell, 0, cell.length);
  }

  /** Adds the cell `text.slice(start, end)`, reading a number straight from the text so that no string is made for it. */
  pushRange(text: string, start: number, end: number): void {
    // The bulk of a numeric column: a plain number longer than any missing token, with no spaces to trim.
    if (this.#codes === null && end - start > this.#longestToken) {
      const value = plainRange(text, start, end);
      if (value === value && value <= MAX_MAGNITUDE && value >= -MAX_MAGNITUDE && text.charCodeAt(start) > 32 && text.charCodeAt(end - 1) > 32) {
        const i = this.#length++;
        if (i === this.#numbers.length) this.#numbers = grow(this.#numbers, (n) => new Float64Array(n));
        this.#numbers[i] = value;
        this.#present++;
        if (this.#numericCells++ < EXAMPLES) this.#numericRows.push(i);
        return;
      }
    }
    if (end > start && (text.charCodeAt(start) <= 32 || text.charCodeAt(end - 1) <= 32)) this.push(text.slice(start, end));
    else this.#add(text, start, end);
  }

  #add(text: string, start: number, end: number): void {
    const i = this.#length++;
    if (i === this.#numbers.length) this.#numbers = grow(this.#numbers, (n) => new Float64Array(n));
    if (this.#codes && i === this.#codes.length) this.#codes = grow(this.#codes, (n) => new Int32Array(n));
    if (end - start <= this.#longestToken && this.#isMissing(text, start, end)) {
      this.#missing++;
      this.#numbers[i] = NaN;
      if (this.#codes) this.#codes[i] = -1;
      return;
    }
    this.#present++;
    const value = plainRange(text, start, end);
    const numeric = value === value;
    if (numeric) {
      if (value > MAX_MAGNITUDE || value < -MAX_MAGNITUDE) throw new CellOverflow(text.slice(start, end));
      this.#numericCells++;
      if (this.#numericRows.length < EXAMPLES) this.#numericRows.push(i);
      if (!this.#codes) {
        this.#numbers[i] = value;
        return;
      }
    }
    if (!numeric) {
      if (this.#textRows.length < EXAMPLES) this.#textRows.push(i);
      if (hasComma(text, start, end)) {
        const cell = text.slice(start, end);
        if (THOUSANDS.test(cell)) {
          if (this.#thousands++ < EXAMPLES) this.#thousandsRows.push(i);
        } else if (DECIMAL_COMMA.test(cell) && this.#decimalCommas++ < EXAMPLES) this.#decimalCommaRows.push(i);
      }
      if (!this.#codes) this.#switchToCodes(i);
    }
    (this.#codes as Int32Array)[i] = this.#code(text, start, end);
  }

  // Whether the cell is a missing token, compared in place: a short list is checked character by character.
  #isMissing(text: string, start: number, end: number): boolean {
    const tokens = this.#tokens;
    if (!tokens) return this.missingTokens.has(start === 0 && end === text.length ? text : text.slice(start, end));
    const n = end - start;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (token.length !== n) continue;
      let j = 0;
      while (j < n && token.charCodeAt(j) === text.charCodeAt(start + j)) j++;
      if (j === n) return true;
    }
    return false;
  }

  // Every text cell is a comma-grouped number (`119,220`): the commas are thousands separators, not decimal commas.
  get #thousandsOnly(): boolean {
    return this.#thousands > 0 && this.#present - this.#numericCells === this.#thousands;
  }

  #notes(): ParseNotes | undefined {
    const textCells = this.#present - this.#numericCells;
    // Mostly numbers with a few words is the classic "n/a" or typo problem worth pointing at.
    const mixed = this.#codes && !this.#thousandsOnly && this.#numericCells >= textCells && textCells > 0;
    if (!mixed && this.#decimalCommas === 0 && this.#thousands === 0) return undefined;
    return {
      ...(mixed ? { mixedTypes: { numericCells: this.#numericCells, textCells, textRows: [...this.#textRows], numericRows: [...this.#numericRows] } } : {}),
      ...(this.#decimalCommas ? { decimalCommas: { count: this.#decimalCommas, rows: [...this.#decimalCommaRows] } } : {}),
      ...(this.#thousands ? { thousandsSeparators: { count: this.#thousands, rows: [...this.#thousandsRows], readAsNumbers: this.#thousandsOnly } } : {}),
    };
  }

  get length(): number {
    return this.#length;
  }

  /** Grows the buffers once to hold `rows` cells, so a large file is not copied at every doubling. */
  reserve(rows: number): void {
    if (rows <= this.#numbers.length) return;
    const numbers = new Float64Array(rows);
    numbers.set(this.#numbers.subarray(0, this.#length));
    this.#numbers = numbers;
    if (this.#codes) {
      const codes = new Int32Array(rows);
      codes.set(this.#codes.subarray(0, this.#length));
      this.#codes = codes;
    }
  }

  /**
   * The dictionary code of `text.slice(start, end)`, found by hashing the characters in place (open addressing over
   * `#slots`, which hold code + 1), so a repeated category costs no string; only a new one is sliced out.
   */
  #code(text: string, start: number, end: number): number {
    const h = hashText(text, start, end);
    const slots = this.#slots;
    const mask = slots.length - 1;
    const n = end - start;
    let at = h & mask;
    for (let entry = slots[at]; entry !== 0; entry = slots[at]) {
      const known = this.#categories[entry - 1];
      if (known.length === n && sameText(known, text, start)) return entry - 1;
      at = (at + 1) & mask;
    }
    const code = this.#categories.length;
    this.#categories.push(start === 0 && end === text.length ? text : text.slice(start, end));
    slots[at] = code + 1;
    // Kept at most half full, so probes stay short.
    if (this.#categories.length * 2 > slots.length) this.#rehash();
    return code;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    this.#categories.forEach((c, code) => {
      let at = hashText(c) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = code + 1;
    });
    this.#slots = slots;
  }

  #switchToCodes(upTo: number): void {
    const codes = new Int32Array(this.#numbers.length);
    for (let j = 0; j < upTo; j++) {
      const v = this.#numbers[j];
      codes[j] = Number.isNaN(v) ? -1 : this.#code(String(v), 0, String(v).length);
    }
    this.#codes = codes;
  }

  build(): Column {
    const n = this.#length;
    const notes = this.#notes();
    const base = { name: this.name, missing: this.#missing, ...(notes ? { notes } : {}) };
    if (!this.#codes && this.#present > 0) {
      const values = fit(this.#numbers, n);
      const epoch = epochFormat(this.name, values);
      if (epoch) {
        if (epoch === 'epoch-seconds') for (let i = 0; i < n; i++) values[i] *= 1000;
        return { ...base, type: 'datetime', values, format: epoch, distinct: UNCOUNTED };
      }
      return { ...base, type: 'numeric', values, distinct: UNCOUNTED };
    }
    const codes = this.#codes ? fit(this.#codes, n) : new Int32Array(n).fill(-1);
    if (this.#thousandsOnly) {
      const parsed = this.#categories.map((c) => +c.replaceAll(',', ''));
      const values = Float64Array.from(codes, (c) => (c < 0 ? NaN : parsed[c]));
      return { ...base, type: 'numeric', values, distinct: UNCOUNTED };
    }
    const dates = this.#categories.length ? this.#categories.map(parseIsoDate) : [];
    if (dates.length && dates.every((d) => !Number.isNaN(d))) {
      // Only distinct strings are parsed; rows map through their dictionary codes.
      const values = Float64Array.from(codes, (c) => (c < 0 ? NaN : dates[c]));
      return { ...base, type: 'datetime', values, format: 'iso', distinct: new Set(dates).size };
    }
    const boolean = this.#booleanOrder();
    if (boolean) {
      const remap = this.#categories.map((c) => boolean.indexOf(c.toLowerCase()));
      for (let i = 0; i < n; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
      // Lower-case spellings, so a model trained on `True` still recognises `TRUE` in another file.
      return { ...base, type: 'boolean', codes, categories: [...boolean], distinct: new Set(this.#categories.map((c) => c.toLowerCase())).size };
    }
    return { ...base, type: 'categorical', codes, categories: [...this.#categories], distinct: this.#categories.length };
  }

  // Returns the [false, true] spellings when every value is one of a boolean pair (case-insensitive).
  #booleanOrder(): readonly [string, string] | null {
    if (this.#categories.length === 0) return null;
    const lower = new Set(this.#categories.map((c) => c.toLowerCase()));
    return BOOLEAN_PAIRS.find(([f, t]) => [...lower].every((v) => v === f || v === t)) ?? null;
  }
}
