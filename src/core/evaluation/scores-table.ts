import { cellText, hasValues, type Column } from '../data/column.ts';
import { parseNumber } from '../data/column-builder.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { classesFromCounts, defaultPositiveClass } from '../contract/label-classes.ts';

/** Which columns of a user's scores CSV hold the label and the model's scores. */
export interface ScoresTableSpec {
  readonly label: string;
  /** One column → binary (any real-valued score, higher = more positive); K ≥ 3 columns → multiclass, one probability column per class. */
  readonly scores: readonly string[];
  /** The positive class. Binary default: `1`, `true` or `yes` (case-insensitive) when present, else the minority class. Multiclass default: the first class. */
  readonly positive?: string;
  /** Multiclass: the class value of each score column; default: the column name with a leading `p_` or `prob_` removed. */
  readonly classes?: readonly string[];
}

/**
 * A scores CSV read for evaluation without training. `rows` are the kept 0-based data rows of the file (CSV line =
 * row + 2); `skipped` counts rows left out because their label cell was missing. Every kept row has a finite score.
 */
export type ScoresTable =
  | {
      readonly kind: 'binary';
      readonly rows: Int32Array;
      /** 1 where the label is the positive class, else 0. */
      readonly labels: Uint8Array;
      readonly scores: Float64Array;
      readonly positive: string;
      readonly skipped: number;
    }
  | {
      readonly kind: 'multiclass';
      readonly rows: Int32Array;
      /** Index into `classes` of each row's label. */
      readonly classIndex: Uint8Array;
      /** Row-major [rows, classes], as read (not renormalised), each in [0, 1]. */
      readonly probabilities: Float64Array;
      readonly classes: readonly string[];
      readonly positive: string;
      /** 1 = the positive class, for one-vs-rest views. */
      readonly labels: Uint8Array;
      /** The positive class's probability. */
      readonly scores: Float64Array;
      readonly skipped: number;
    };

/**
 * A scores CSV that cannot be evaluated. `row` is the 0-based data row (CSV line = row + 2) and `column` the column
 * name, each null when the problem is not tied to one; the message already names the file, line and column.
 */
export class ScoresTableError extends Error {
  constructor(message: string, readonly row: number | null, readonly column: string | null) {
    super(message);
    this.name = 'ScoresTableError';
  }
}

/** The most classes a multiclass table holds: class indices are stored as bytes. */
const MAX_CLASSES = 255;

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

/** The class a probability column stands for: its name without a leading `p_` or `prob_`. */
export function classFromScoreColumn(name: string): string {
  return name.replace(/^(?:p_|prob_)/, '');
}

function findColumn(snapshot: Snapshot, name: string, role: 'label' | 'score'): Column {
  const column = snapshot.columns.find((c) => c.name === name);
  if (!column) {
    throw new ScoresTableError(
      `${snapshot.fileName} has no ${role} column "${name}"; its columns are ${quoted(snapshot.columns.map((c) => c.name))}`,
      null,
      name,
    );
  }
  return column;
}

/**
 * A column's value at a row as a finite number, or an error naming the cell. Numeric columns are read directly
 * (the parser stores only finite numbers there); a text column is read cell by cell, so the first bad cell on a
 * labelled row is the one reported.
 */
function scoreReader(snapshot: Snapshot, column: Column): (row: number) => number {
  const where = (row: number) => `${snapshot.fileName} line ${row + 2}, column "${column.name}"`;
  if (column.type === 'datetime') {
    return (row) => {
      throw new ScoresTableError(`${where(row)}: the column holds dates, not scores`, row, column.name);
    };
  }
  const missing = (row: number): never => {
    throw new ScoresTableError(`${where(row)}: the score is missing; every labelled row needs one`, row, column.name);
  };
  if (column.type === 'numeric') {
    const values = column.values;
    return (row) => {
      const v = values[row];
      return Number.isNaN(v) ? missing(row) : v;
    };
  }
  return (row) => {
    const text = cellText(column, row);
    if (text === null) return missing(row);
    const v = parseNumber(text);
    if (Number.isNaN(v)) {
      const infinite = !Number.isFinite(Number(text)) && !Number.isNaN(Number(text));
      throw new ScoresTableError(`${where(row)}: "${text}" is not ${infinite ? 'a finite number' : 'a number'}`, row, column.name);
    }
    return v;
  };
}

/**
 * A label column as one code per row (-1 where missing) into its distinct cell texts, so each distinct value is
 * turned into text once rather than once per row (a million `String(v)` calls for a numeric 0/1 label).
 */
function labelCodes(column: Column): { readonly codes: Int32Array; readonly texts: readonly string[] } {
  if (!hasValues(column)) {
    // Categories may repeat a text in principle; codes are remapped to distinct texts so classes never split.
    const at = new Map<string, number>();
    const remap = Int32Array.from(column.categories, (text) => {
      const known = at.get(text);
      if (known !== undefined) return known;
      at.set(text, at.size);
      return at.size - 1;
    });
    const codes = Int32Array.from(column.codes, (c) => (c < 0 ? -1 : remap[c]));
    return { codes, texts: [...at.keys()] };
  }
  // Map keys compare by SameValueZero, so -0 and 0 share a code, as they share the text "0".
  const values = column.values;
  const at = new Map<number, number>();
  const texts: string[] = [];
  const codes = new Int32Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    if (Number.isNaN(v)) { codes[row] = -1; continue; }
    let code = at.get(v);
    if (code === undefined) {
      code = texts.length;
      at.set(v, code);
      texts.push(cellText(column, row) as string);
    }
    codes[row] = code;
  }
  return { codes, texts };
}

/** The score of every kept row; a numeric column is read in one typed loop, others cell by cell through `read`. */
function readScores(snapshot: Snapshot, column: Column, rows: Int32Array, read: (row: number) => number): Float64Array {
  const scores = new Float64Array(rows.length);
  if (column.type !== 'numeric') {
    for (let i = 0; i < rows.length; i++) scores[i] = read(rows[i]);
    return scores;
  }
  const values = column.values;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (Number.isNaN(v)) read(rows[i]); // throws the located "score is missing" error
    scores[i] = v;
  }
  return scores;
}

function checkScoreColumns(snapshot: Snapshot, spec: ScoresTableSpec): void {
  const k = spec.scores.length;
  if (k === 0) throw new ScoresTableError('Choose at least one score column', null, null);
  if (k === 2) {
    throw new ScoresTableError(
      `Two score columns (${quoted(spec.scores)}) are ambiguous: use one column (the positive class's score) for a binary ` +
        'evaluation, or one probability column per class for three or more classes',
      null,
      null,
    );
  }
  if (k > MAX_CLASSES) throw new ScoresTableError(`At most ${MAX_CLASSES} score columns are supported (got ${k})`, null, null);
  const seen = new Set<string>();
  for (const name of spec.scores) {
    if (seen.has(name)) throw new ScoresTableError(`Score column "${name}" is listed twice`, null, name);
    seen.add(name);
    if (name === spec.label) throw new ScoresTableError(`Column "${name}" cannot be both the label and a score`, null, name);
  }
}

/**
 * Reads the label and score columns of a parsed scores CSV into typed arrays for evaluation.
 *
 * Rows whose label is missing are skipped and counted. Every other row must have a finite score in each score column
 * (and, for multiclass, a probability in [0, 1] and a label that is one of the classes); the first violation throws a
 * `ScoresTableError` naming the file, CSV line, column and cell, e.g. `scores.csv line 14, column "score": "abc" is not
 * a number`. Score cells on skipped rows are not checked. A label or score column that does not exist throws with the
 * list of available columns.
 *
 * Binary: label values other than `positive` count as negative. A single class is allowed (AUC is then undefined
 * downstream), including a `positive` that no row carries; zero labelled rows is an error.
 */
export function readScoresTable(snapshot: Snapshot, spec: ScoresTableSpec): ScoresTable {
  checkScoreColumns(snapshot, spec);
  const labelColumn = findColumn(snapshot, spec.label, 'label');
  const scoreColumns = spec.scores.map((name) => findColumn(snapshot, name, 'score'));

  const label = labelCodes(labelColumn);
  const n = label.codes.length;
  let keptCount = 0;
  for (let row = 0; row < n; row++) if (label.codes[row] >= 0) keptCount++;
  if (keptCount === 0) {
    throw new ScoresTableError(`${snapshot.fileName}: no row has a value in the label column "${spec.label}"`, null, spec.label);
  }
  const rows = new Int32Array(keptCount);
  const keptCodes = new Int32Array(keptCount);
  const counts = new Float64Array(label.texts.length);
  for (let row = 0, i = 0; row < n; row++) {
    const code = label.codes[row];
    if (code < 0) continue;
    rows[i] = row;
    keptCodes[i++] = code;
    counts[code]++;
  }
  const skipped = n - keptCount;
  const readers = scoreColumns.map((c) => scoreReader(snapshot, c));

  if (scoreColumns.length === 1) {
    const classes = classesFromCounts(new Map(label.texts.map((text, c) => [text, counts[c]])));
    const values = new Set(classes.map((c) => c.value));
    if (spec.positive !== undefined && !values.has(spec.positive)) {
      throw new ScoresTableError(`${snapshot.fileName}: the positive class "${spec.positive}" is not a value of "${spec.label}" (its values: ${quoted(classes.slice(0, 10).map((c) => c.value))})`, null, spec.label);
    }
    // A score named for a class (p_setosa) is that class's probability; with more than two classes and no such name,
    // guessing the positive class would silently report another class's AUC.
    const named = classFromScoreColumn(spec.scores[0]);
    const fromName = values.has(named) && named !== spec.scores[0] ? named : undefined;
    if (spec.positive === undefined && fromName === undefined && classes.length > 2) {
      throw new ScoresTableError(
        `${snapshot.fileName}: "${spec.label}" has ${classes.length} classes; say which one "${spec.scores[0]}" scores (--positive), or give one probability column per class`,
        null, spec.label,
      );
    }
    const positive = spec.positive ?? fromName ?? defaultPositiveClass(classes) ?? label.texts[keptCodes[0]];
    const positiveCode = label.texts.indexOf(positive);
    const labels = new Uint8Array(keptCount);
    for (let i = 0; i < keptCount; i++) labels[i] = keptCodes[i] === positiveCode ? 1 : 0;
    const scores = readScores(snapshot, scoreColumns[0], rows, readers[0]);
    return { kind: 'binary', rows, labels, scores, positive, skipped };
  }

  const k = scoreColumns.length;
  const classes = spec.classes ? [...spec.classes] : spec.scores.map(classFromScoreColumn);
  if (classes.length !== k) {
    throw new ScoresTableError(`${k} score columns need ${k} class names (got ${classes.length}: ${quoted(classes)})`, null, null);
  }
  if (new Set(classes).size !== k) {
    throw new ScoresTableError(
      `Score columns ${quoted(spec.scores)} name the classes ${quoted(classes)}; each class needs its own column`,
      null,
      null,
    );
  }
  const positive = spec.positive ?? classes[0];
  const positiveIndex = classes.indexOf(positive);
  if (positiveIndex < 0) {
    throw new ScoresTableError(`The positive class "${positive}" is not one of the classes ${quoted(classes)}`, null, null);
  }

  const indexOf = new Map(classes.map((c, i) => [c, i]));
  const classOfCode = label.texts.map((text) => indexOf.get(text));
  const classIndex = new Uint8Array(keptCount);
  const probabilities = new Float64Array(keptCount * k);
  rows.forEach((row, i) => {
    const c = classOfCode[keptCodes[i]];
    if (c === undefined) {
      throw new ScoresTableError(
        `${snapshot.fileName} line ${row + 2}, column "${spec.label}": "${label.texts[keptCodes[i]]}" is not one of the classes ${quoted(classes)}`,
        row,
        spec.label,
      );
    }
    classIndex[i] = c;
    for (let j = 0; j < k; j++) {
      const p = readers[j](row);
      if (p < 0 || p > 1) {
        throw new ScoresTableError(
          `${snapshot.fileName} line ${row + 2}, column "${spec.scores[j]}": ${p} is not a probability in [0, 1]`,
          row,
          spec.scores[j],
        );
      }
      probabilities[i * k + j] = p;
    }
  });
  const labels = Uint8Array.from(classIndex, (c) => (c === positiveIndex ? 1 : 0));
  const scores = Float64Array.from({ length: keptCount }, (_, i) => probabilities[i * k + positiveIndex]);
  return { kind: 'multiclass', rows, classIndex, probabilities, classes, positive, labels, scores, skipped };
}
