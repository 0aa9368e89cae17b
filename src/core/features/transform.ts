import { cellText, hasValues, type Column } from '../data/column.ts';
import { parseNumber } from '../data/column-builder.ts';
import { categoryKey } from './category-key.ts';
import { hashCategory } from './hash-category.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { stepOutputNames, type CategoricalStep, type NumericStep, type Preprocessing } from './preprocessing.ts';

function numericValue(column: Column, row: number): number {
  if (hasValues(column)) return column.values[row];
  const text = cellText(column, row);
  return text === null ? NaN : parseNumber(text);
}

function writeNumeric(step: NumericStep, column: Column, rows: Int32Array, out: Float32Array, width: number, offset: number): void {
  rows.forEach((row, i) => {
    const raw = numericValue(column, row);
    const missing = Number.isNaN(raw);
    out[i * width + offset] = ((missing ? step.median : raw) - step.mean) / step.scale;
    if (step.missingIndicator) out[i * width + offset + 1] = missing ? 1 : 0;
  });
}

function writeCategorical(step: CategoricalStep, column: Column, rows: Int32Array, out: Float32Array, width: number, offset: number): void {
  const index = new Map(step.categories.map((c, i) => [c, i]));
  const other = step.categories.length;
  const salt = step.salt;
  // Each distinct text is keyed (and hashed) once: a hashed column would otherwise cost one SHA-256 per row.
  const slots = new Map<string, number>();
  rows.forEach((row, i) => {
    const text = cellText(column, row);
    if (text === null) return;
    let slot = slots.get(text);
    if (slot === undefined) {
      const key = categoryKey(text);
      slot = index.get(salt === undefined ? key : hashCategory(salt, key)) ?? other;
      slots.set(text, slot);
    }
    out[i * width + offset + slot] = 1;
  });
}

/**
 * The one transform that training, evaluation and scoring share: selected rows → row-major float32 matrix
 * of shape [rows.length, outputNames.length]. Works on any snapshot that has the pipeline's columns.
 */
export function transform(pre: Preprocessing, snapshot: Snapshot, rows: Int32Array): Float32Array {
  const width = pre.outputNames.length;
  const out = new Float32Array(rows.length * width);
  let offset = 0;
  for (const step of pre.steps) {
    const column = columnByName(snapshot, step.column);
    if (step.kind === 'numeric') writeNumeric(step, column, rows, out, width, offset);
    else writeCategorical(step, column, rows, out, width, offset);
    offset += stepOutputNames(step).length;
  }
  return out;
}
