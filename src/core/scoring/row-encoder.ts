import { hashCategory } from '../features/hash-category.ts';
import type { InferenceColumn, InferenceContract } from '../bundle/inference-contract.ts';
import { parseNumber } from '../data/column-builder.ts';
import { parseIsoDate } from '../data/datetime.ts';
import { categoryKey } from '../features/category-key.ts';
import { stepOutputNames, type Preprocessing } from '../features/preprocessing.ts';
import type { IssueKind } from './validation-policy.ts';

/** One problem found in one cell (or row): which kind, which input column, and the cell as written. */
export interface CellIssue {
  readonly kind: IssueKind;
  readonly column: string;
  readonly value: string;
}

interface NumericSlot {
  readonly kind: 'numeric';
  readonly name: string;
  readonly field: number;
  readonly offset: number;
  readonly median: number;
  readonly mean: number;
  readonly scale: number;
  readonly indicator: boolean;
  readonly datetime: 'iso' | 'epoch-seconds' | 'epoch-milliseconds' | null;
  readonly min: number;
  readonly max: number;
  readonly missingInTraining: boolean;
}

interface CategoricalSlot {
  readonly kind: 'categorical';
  readonly name: string;
  readonly field: number;
  readonly offset: number;
  readonly index: ReadonlyMap<string, number>;
  readonly other: number;
  readonly known: ReadonlySet<string> | null;
  /** The column's salt when its categories are stored as salted digests: keys are hashed before they are looked up. */
  readonly salt: string | null;
  readonly missingInTraining: boolean;
  /** Cell text → its key, one-hot slot and whether training saw it; bounded, since most columns repeat few values. */
  readonly seen: Map<string, { readonly key: string; readonly slot: number; readonly known: boolean }>;
}

const CACHE_LIMIT = 4096;
const POW10 = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A cell of the form [+-]digits[.digits] with at most 15 digits, read from `text` [a, b) without making a string;
 * NaN for anything else (the caller then parses the text). With the digits an exact integer below 2^53 and the power
 * of ten exact, one division is correctly rounded, so the result equals JavaScript's own parse of the same text.
 */
export function fastDecimal(text: string, a: number, b: number): number {
  let i = a;
  let negative = false;
  const c0 = text.charCodeAt(i);
  if (c0 === 45 || c0 === 43) {
    negative = c0 === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -v : v;
}

function trimmed(raw: string | undefined): string {
  if (raw === undefined) return '';
  return raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
}

/**
 * Encodes CSV cells into the model's input row exactly as `transform` encodes a snapshot (median imputation,
 * standardisation, missing indicators, one-hot with an "other" slot), and reports every cell the inference contract
 * would not expect. Per step it also keeps the raw value (`numbers`) or category key (`keys`) for drift.
 */
export class RowEncoder {
  readonly width: number;
  readonly numbers: Float64Array;
  readonly keys: (string | null)[];
  readonly #slots: (NumericSlot | CategoricalSlot)[];
  readonly #missing: ReadonlySet<string>;
  /** False when a missing-value token is itself a number (e.g. -999): then every numeric cell must be checked as text. */
  readonly #fastNumbers: boolean;

  /** `header` is the new file's column names; every model input column must be in it (checked by the caller). */
  constructor(pre: Preprocessing, contract: InferenceContract, header: readonly string[]) {
    this.width = pre.outputNames.length;
    this.#missing = new Set(contract.missing_tokens);
    this.#fastNumbers = contract.missing_tokens.every((t) => Number.isNaN(parseNumber(t)));
    const byName = new Map<string, InferenceColumn>(contract.columns.map((c) => [c.name, c]));
    let offset = 0;
    this.#slots = pre.steps.map((step) => {
      const field = header.indexOf(step.column);
      const column = byName.get(step.column);
      const at = offset;
      offset += stepOutputNames(step).length;
      if (step.kind === 'numeric') {
        const numeric = column && (column.type === 'numeric' || column.type === 'datetime') ? column : null;
        return {
          kind: 'numeric', name: step.column, field, offset: at, median: step.median, mean: step.mean, scale: step.scale, indicator: step.missingIndicator,
          datetime: numeric?.type === 'datetime' ? numeric.datetime_format ?? 'iso' : null,
          min: numeric?.training_range?.min ?? -Infinity, max: numeric?.training_range?.max ?? Infinity,
          missingInTraining: numeric ? numeric.missing_in_training : true,
        };
      }
      const categorical = column && (column.type === 'categorical' || column.type === 'boolean') ? column : null;
      return {
        kind: 'categorical', name: step.column, field, offset: at, index: new Map(step.categories.map((c, i) => [c, i])), other: step.categories.length,
        // A hashed column lists no categories in the inference contract; its digests say what training saw instead.
        known: step.salt ? new Set(step.categories) : categorical?.categories ? new Set(categorical.categories) : null, salt: step.salt ?? null, missingInTraining: categorical ? categorical.missing_in_training : true, seen: new Map(),
      };
    });
    this.numbers = new Float64Array(this.#slots.length);
    this.keys = this.#slots.map(() => null);
  }

  /** Input column names in step order (what drift reports on). */
  get columns(): string[] {
    return this.#slots.map((s) => s.name);
  }

  /**
   * Writes one row's model inputs into `out` at `base` (the caller zeroes it) and pushes what the contract would not
   * expect into `issues`. A wrong-typed cell is encoded as missing, so the row can still be scored when flagged.
   */
  encode(fields: readonly string[], out: Float64Array, base: number, issues: CellIssue[]): void {
    for (let s = 0; s < this.#slots.length; s++) this.#cell(s, trimmed(fields[this.#slots[s].field]), out, base, issues);
  }

  /**
   * `encode` for a record given as field spans of `text` ([starts[i], ends[i]) for i < count): plain decimal numbers
   * are read straight from the characters, and only other cells become strings. Same results as `encode`.
   */
  encodeSpans(text: string, starts: Int32Array, ends: Int32Array, count: number, out: Float64Array, base: number, issues: CellIssue[]): void {
    for (let s = 0; s < this.#slots.length; s++) {
      const slot = this.#slots[s];
      if (slot.field >= count) {
        this.#cell(s, '', out, base, issues);
        continue;
      }
      if (slot.kind === 'numeric' && slot.datetime !== 'iso' && this.#fastNumbers) {
        let v = fastDecimal(text, starts[slot.field], ends[slot.field]);
        if (v === v) {
          if (slot.datetime === 'epoch-seconds') v *= 1000;
          if (v < slot.min || v > slot.max) issues.push({ kind: 'out_of_range', column: slot.name, value: text.slice(starts[slot.field], ends[slot.field]) });
          this.numbers[s] = v;
          out[base + slot.offset] = (v - slot.mean) / slot.scale;
          continue;
        }
      }
      this.#cell(s, trimmed(text.slice(starts[slot.field], ends[slot.field])), out, base, issues);
    }
  }

  #cell(s: number, cell: string, out: Float64Array, base: number, issues: CellIssue[]): void {
    const slot = this.#slots[s];
    const missing = cell.length === 0 || this.#missing.has(cell);
    if (slot.kind === 'numeric') {
      let v = NaN;
      if (!missing) {
        v = slot.datetime === 'iso' ? parseIsoDate(cell) : parseNumber(cell);
        if (slot.datetime === 'epoch-seconds') v *= 1000;
        if (Number.isNaN(v)) issues.push({ kind: 'wrong_type', column: slot.name, value: cell });
        else if (v < slot.min || v > slot.max) issues.push({ kind: 'out_of_range', column: slot.name, value: cell });
      } else if (!slot.missingInTraining) issues.push({ kind: 'unexpected_missing', column: slot.name, value: cell });
      this.numbers[s] = v;
      const absent = Number.isNaN(v);
      out[base + slot.offset] = ((absent ? slot.median : v) - slot.mean) / slot.scale;
      if (slot.indicator) out[base + slot.offset + 1] = absent ? 1 : 0;
      return;
    }
    if (missing) {
      this.keys[s] = null;
      if (!slot.missingInTraining) issues.push({ kind: 'unexpected_missing', column: slot.name, value: cell });
      return;
    }
    let hit = slot.seen.get(cell);
    if (!hit) {
      const key = categoryKey(cell);
      const lookup = slot.salt === null ? key : hashCategory(slot.salt, key);
      hit = { key, slot: slot.index.get(lookup) ?? slot.other, known: !slot.known || slot.known.has(lookup) };
      if (slot.seen.size < CACHE_LIMIT) slot.seen.set(cell, hit);
    }
    this.keys[s] = hit.key;
    if (!hit.known) issues.push({ kind: 'unseen_category', column: slot.name, value: cell });
    out[base + slot.offset + hit.slot] = 1;
  }
}
