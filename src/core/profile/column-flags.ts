import { cellText, columnLength, hasValues, type Column } from '../data/column.ts';
import type { ProfileFlag, ProfileKind } from '../data/column-profile.ts';
import { grouped, rowList } from './format.ts';
import { percent } from '../percent.ts';

/** Most example rows a flag carries. */
export const MAX_EXAMPLES = 5;

/** Counts the flags are judged from; `rowCount` is the snapshot's row count. */
export interface FlagFacts {
  readonly rowCount: number;
  readonly missing: number;
  readonly distinct: number;
  readonly kind: ProfileKind;
}

function isMissing(column: Column, row: number): boolean {
  return hasValues(column) ? Number.isNaN(column.values[row]) : column.codes[row] < 0;
}

function firstRows(column: Column, missing: boolean): number[] {
  const rows: number[] = [];
  const n = columnLength(column);
  for (let i = 0; i < n && rows.length < MAX_EXAMPLES; i++) if (isMissing(column, i) === missing) rows.push(i);
  return rows;
}

// Rows that each show a value not seen in an earlier row, so the examples show the variety.
function firstOccurrences(column: Column): number[] {
  const seen = new Set<string>();
  const rows: number[] = [];
  const n = columnLength(column);
  for (let i = 0; i < n && rows.length < MAX_EXAMPLES; i++) {
    const text = cellText(column, i);
    if (text === null || seen.has(text)) continue;
    seen.add(text);
    rows.push(i);
  }
  return rows;
}

/**
 * Data-quality flags, in a fixed order: constant (exactly one distinct present value), high-cardinality (a categorical
 * kind with over 50 distinct values that are over 20% of the present values), mixed-types and decimal-comma (from the
 * parser's notes), mostly-missing (over half the rows). Messages number rows from 1, as the row preview does.
 */
export function columnFlags(column: Column, facts: FlagFacts): ProfileFlag[] {
  const flags: ProfileFlag[] = [];
  const present = facts.rowCount - facts.missing;
  if (facts.distinct === 1) {
    const exampleRows = firstRows(column, false);
    const value = cellText(column, exampleRows[0]);
    const message = `Every one of the ${grouped(present)} present values is "${value}", so the column cannot tell rows apart.`;
    flags.push({ kind: 'constant', message, exampleRows });
  }
  if (facts.kind === 'categorical' && facts.distinct > 50 && facts.distinct > 0.2 * present) {
    flags.push({
      kind: 'high-cardinality',
      message:
        `${grouped(facts.distinct)} distinct values among ${grouped(present)} present cells ` +
        `(${percent(facts.distinct / present)}); most values are too rare to learn from.`,
      exampleRows: firstOccurrences(column),
    });
  }
  const mixed = column.notes?.mixedTypes;
  if (mixed && mixed.textCells > 0) {
    const exampleRows = mixed.textRows.slice(0, MAX_EXAMPLES);
    const share = mixed.numericCells / (mixed.numericCells + mixed.textCells);
    const e = exampleRows.length > 0 ? `, e.g. ${rowList(exampleRows)}` : '';
    const verb = mixed.textCells === 1 ? 'is' : 'are';
    const message = `${percent(share)} of cells are numbers but ${grouped(mixed.textCells)} ${verb} text${e}; the column is read as text.`;
    flags.push({ kind: 'mixed-types', message, exampleRows });
  }
  const commas = column.notes?.decimalCommas;
  if (commas && commas.count > 0) {
    const exampleRows = commas.rows.slice(0, MAX_EXAMPLES);
    const first = exampleRows.length > 0 ? cellText(column, exampleRows[0]) : null;
    const e = first !== null ? `, e.g. "${first}" in ${rowList(exampleRows.slice(0, 1))}` : '';
    const cells = commas.count === 1 ? '1 cell uses' : `${grouped(commas.count)} cells use`;
    flags.push({ kind: 'decimal-comma', message: `${cells} a decimal comma${e}; such cells are read as text, not numbers.`, exampleRows });
  }
  const thousands = column.notes?.thousandsSeparators;
  if (thousands && thousands.count > 0) {
    const exampleRows = thousands.rows.slice(0, MAX_EXAMPLES);
    const cells = thousands.count === 1 ? '1 cell uses' : `${grouped(thousands.count)} cells use`;
    const read = thousands.readAsNumbers ? 'the column is read as numbers with the commas removed' : 'other text cells keep the column as text';
    flags.push({ kind: 'thousands-separators', message: `${cells} commas as thousands separators, e.g. ${rowList(exampleRows.slice(0, 1))}; ${read}.`, exampleRows });
  }
  if (facts.rowCount > 0 && facts.missing / facts.rowCount > 0.5) {
    flags.push({
      kind: 'mostly-missing',
      message: `${percent(facts.missing / facts.rowCount)} of cells are missing (${grouped(facts.missing)} of ${grouped(facts.rowCount)} rows).`,
      exampleRows: firstRows(column, true),
    });
  }
  return flags;
}
