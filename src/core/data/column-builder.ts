import type { Column } from './column.ts';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A trimmed cell as a finite number, or NaN when it is not plain decimal notation (so `0x1F`, `Infinity`, `1,5` are not numbers). */
export function parseNumber(cell: string): number {
  const text = cell.trim();
  return NUMBER.test(text) ? Number(text) : NaN;
}
const BOOLEAN_PAIRS: ReadonlyArray<readonly [string, string]> = [['false', 'true'], ['no', 'yes'], ['n', 'y']];

function growFloat(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(16, a.length * 2));
  next.set(a);
  return next;
}

function growInt(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(16, a.length * 2));
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
 * Accumulates one column's cells straight into typed buffers (float64 and dictionary codes side by side),
 * then settles on numeric, boolean or categorical once every cell has been seen.
 */
export class ColumnBuilder {
  #numbers = new Float64Array(1024);
  #codes = new Int32Array(1024);
  #dictionary = new Map<string, number>();
  #categories: string[] = [];
  #length = 0;
  #missing = 0;
  #allNumeric = true;

  constructor(readonly name: string, private readonly missingTokens: ReadonlySet<string>) {}

  push(raw: string): void {
    if (this.#length === this.#numbers.length) {
      this.#numbers = growFloat(this.#numbers);
      this.#codes = growInt(this.#codes);
    }
    const cell = raw.trim();
    const i = this.#length++;
    if (this.missingTokens.has(cell)) {
      this.#missing++;
      this.#numbers[i] = NaN;
      this.#codes[i] = -1;
      return;
    }
    if (this.#allNumeric) {
      if (NUMBER.test(cell)) this.#numbers[i] = Number(cell);
      else this.#allNumeric = false;
    }
    let code = this.#dictionary.get(cell);
    if (code === undefined) {
      code = this.#categories.length;
      this.#dictionary.set(cell, code);
      this.#categories.push(cell);
    }
    this.#codes[i] = code;
  }

  get length(): number {
    return this.#length;
  }

  build(): Column {
    const n = this.#length;
    const base = { name: this.name, missing: this.#missing };
    if (this.#allNumeric && this.#categories.length > 0) {
      const values = this.#numbers.slice(0, n);
      return { ...base, type: 'numeric', values, distinct: countDistinct(values) };
    }
    const codes = this.#codes.slice(0, n);
    const boolean = this.#booleanOrder();
    if (boolean) {
      const remap = this.#categories.map((c) => boolean.indexOf(c.toLowerCase()));
      for (let i = 0; i < n; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
      // Lower-case spellings, so a model trained on `True` still recognises `TRUE` in another file.
      return { ...base, type: 'boolean', codes, categories: [...boolean], distinct: this.#distinctLower() };
    }
    return { ...base, type: 'categorical', codes, categories: [...this.#categories], distinct: this.#categories.length };
  }

  #distinctLower(): number {
    return new Set(this.#categories.map((c) => c.toLowerCase())).size;
  }

  // Returns the [false, true] spellings when every value is one of a boolean pair (case-insensitive).
  #booleanOrder(): readonly [string, string] | null {
    if (this.#categories.length === 0) return null;
    const lower = new Set(this.#categories.map((c) => c.toLowerCase()));
    return BOOLEAN_PAIRS.find(([f, t]) => [...lower].every((v) => v === f || v === t)) ?? null;
  }
}
