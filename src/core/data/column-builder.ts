import type { Column, ParseNotes } from './column.ts';
import { epochFormat, parseIsoDate } from './datetime.ts';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const EXAMPLES = 5;
const BOOLEAN_PAIRS: ReadonlyArray<readonly [string, string]> = [['false', 'true'], ['no', 'yes'], ['n', 'y']];

/** A trimmed cell as a finite number, or NaN when it is not plain decimal notation (so `0x1F`, `Infinity`, `1,5` are not numbers). */
export function parseNumber(cell: string): number {
  const text = cell.trim();
  return NUMBER.test(text) ? Number(text) : NaN;
}

function grow<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(a: T, make: (n: number) => T): T {
  const next = make(Math.max(16, a.length * 2));
  next.set(a);
  return next;
}

function countDistinct(values: Float64Array): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

/**
 * Accumulates one column's cells straight into typed buffers, then settles on numeric, boolean or categorical.
 * While every cell is a number only float64 values are kept (no strings), so numeric columns stay cheap; the first
 * non-numeric cell switches the column to dictionary codes, re-keying earlier numbers by their shortest spelling.
 */
export class ColumnBuilder {
  #numbers: Float64Array<ArrayBuffer> = new Float64Array(1024);
  #codes: Int32Array<ArrayBuffer> | null = null;
  #dictionary = new Map<string, number>();
  #categories: string[] = [];
  #length = 0;
  #missing = 0;
  #present = 0;
  #numericCells = 0;
  readonly #numericRows: number[] = [];
  readonly #textRows: number[] = [];
  #decimalCommas = 0;
  readonly #decimalCommaRows: number[] = [];

  constructor(readonly name: string, private readonly missingTokens: ReadonlySet<string>) {}

  push(raw: string): void {
    const cell = raw.trim();
    const i = this.#length++;
    if (i === this.#numbers.length) this.#numbers = grow(this.#numbers, (n) => new Float64Array(n));
    if (this.#codes && i === this.#codes.length) this.#codes = grow(this.#codes, (n) => new Int32Array(n));
    if (this.missingTokens.has(cell)) {
      this.#missing++;
      this.#numbers[i] = NaN;
      if (this.#codes) this.#codes[i] = -1;
      return;
    }
    this.#present++;
    const numeric = NUMBER.test(cell);
    if (numeric) {
      this.#numericCells++;
      if (this.#numericRows.length < EXAMPLES) this.#numericRows.push(i);
    } else {
      if (this.#textRows.length < EXAMPLES) this.#textRows.push(i);
      if (DECIMAL_COMMA.test(cell) && this.#decimalCommas++ < EXAMPLES) this.#decimalCommaRows.push(i);
    }
    if (!this.#codes) {
      if (numeric) {
        this.#numbers[i] = Number(cell);
        return;
      }
      this.#switchToCodes(i);
    }
    (this.#codes as Int32Array)[i] = this.#code(cell);
  }

  #notes(): ParseNotes | undefined {
    const textCells = this.#present - this.#numericCells;
    // Mostly numbers with a few words is the classic "n/a" or typo problem worth pointing at.
    const mixed = this.#codes && this.#numericCells >= textCells && textCells > 0;
    if (!mixed && this.#decimalCommas === 0) return undefined;
    return {
      ...(mixed ? { mixedTypes: { numericCells: this.#numericCells, textCells, textRows: [...this.#textRows], numericRows: [...this.#numericRows] } } : {}),
      ...(this.#decimalCommas ? { decimalCommas: { count: this.#decimalCommas, rows: [...this.#decimalCommaRows] } } : {}),
    };
  }

  get length(): number {
    return this.#length;
  }

  #code(cell: string): number {
    let code = this.#dictionary.get(cell);
    if (code === undefined) {
      code = this.#categories.length;
      this.#dictionary.set(cell, code);
      this.#categories.push(cell);
    }
    return code;
  }

  #switchToCodes(upTo: number): void {
    const codes = new Int32Array(this.#numbers.length);
    for (let j = 0; j < upTo; j++) {
      const v = this.#numbers[j];
      codes[j] = Number.isNaN(v) ? -1 : this.#code(String(v));
    }
    this.#codes = codes;
  }

  build(): Column {
    const n = this.#length;
    const notes = this.#notes();
    const base = { name: this.name, missing: this.#missing, ...(notes ? { notes } : {}) };
    if (!this.#codes && this.#present > 0) {
      const values = this.#numbers.slice(0, n);
      const epoch = epochFormat(this.name, values);
      if (epoch) {
        if (epoch === 'epoch-seconds') for (let i = 0; i < n; i++) values[i] *= 1000;
        return { ...base, type: 'datetime', values, format: epoch, distinct: countDistinct(values) };
      }
      return { ...base, type: 'numeric', values, distinct: countDistinct(values) };
    }
    const codes = this.#codes ? this.#codes.slice(0, n) : new Int32Array(n).fill(-1);
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
