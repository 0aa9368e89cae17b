import type { Column } from '../data/column.ts';
import type { Split } from './split.ts';
import { timeValues } from './time-values.ts';

/** Counts for one part of a split; times are epoch ms (or raw numbers for a numeric time column), null when unknown. */
export interface SplitPartSummary {
  readonly n: number;
  readonly nPositive: number;
  /** nPositive / n, or null when the part is empty. */
  readonly positiveRate: number | null;
  readonly timeMin: number | null;
  readonly timeMax: number | null;
}

/** Per-part counts of a split and plain-English warnings about parts too small or one-sided to evaluate. */
export interface SplitSummary {
  readonly train: SplitPartSummary;
  readonly validation: SplitPartSummary;
  readonly test: SplitPartSummary;
  readonly warnings: string[];
  /** The warnings that make training impossible (a training part without both classes); each is also in `warnings`. */
  readonly blocking: string[];
}

/** Below this many rows a part's metrics swing too much from seed to seed to be read with confidence. */
const TINY = 30;

function summarizePart(rows: Int32Array, y: Uint8Array, times: Float64Array | null): SplitPartSummary {
  let nPositive = 0;
  let timeMin = Infinity;
  let timeMax = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    nPositive += y[row] === 1 ? 1 : 0;
    const t = times ? times[row] : NaN;
    if (!Number.isNaN(t)) {
      timeMin = Math.min(timeMin, t);
      timeMax = Math.max(timeMax, t);
    }
  }
  const n = rows.length;
  const seenTime = timeMin <= timeMax;
  return {
    n,
    nPositive,
    positiveRate: n === 0 ? null : nPositive / n,
    timeMin: seenTime ? timeMin : null,
    timeMax: seenTime ? timeMax : null,
  };
}

/**
 * Why a model cannot be fitted on this training part, or null: it needs rows of both classes (the positive class's
 * score is learned in every task, binary or softmax). One message, as the split summary words it.
 */
export function trainingPartBlocker(part: SplitPartSummary): string | null {
  if (part.n === 0) return 'The train split has no rows, so no model can be fitted; change the split.';
  if (part.nPositive === 0) return `The train split has no positive rows (0 of ${part.n}), so no model can learn the positive class; change the split (a group or time split can put every positive elsewhere).`;
  if (part.nPositive === part.n) return `The train split has no negative rows (${part.n} of ${part.n} positive), so no model can learn the other classes; change the split (a group or time split can put every negative elsewhere).`;
  return null;
}

/**
 * For softmax over `classes`: why the training rows cannot fit it (a class with no training row, which the model
 * could then never predict), or null. `classIndex[r]` is row r's class index.
 */
export function trainingClassesBlocker(train: Int32Array, classIndex: Uint8Array, classes: readonly string[]): string | null {
  const seen = new Set<number>();
  for (let i = 0; i < train.length; i++) {
    const r = train[i];
    seen.add(classIndex[r]);
  }
  const absent = classes.filter((_, k) => !seen.has(k));
  if (absent.length === 0) return null;
  const list = absent.slice(0, 5).map((c) => JSON.stringify(c)).join(', ') + (absent.length > 5 ? ` and ${absent.length - 5} more` : '');
  return `The train split has no rows of class${absent.length === 1 ? '' : 'es'} ${list}, so softmax cannot learn ${absent.length === 1 ? 'it' : 'them'}; change the split, or train binary.`;
}

function partWarnings(name: string, part: SplitPartSummary): string[] {
  if (name === 'train') {
    const blocker = trainingPartBlocker(part);
    if (blocker) return [blocker];
  }
  if (part.n === 0) return [`The ${name} split has no rows, so nothing can be measured on it.`];
  const out: string[] = [];
  if (part.n < TINY) {
    out.push(`The ${name} split is tiny (${part.n} rows), so its metrics will change a lot with the seed; aim for at least ${TINY} rows.`);
  }
  if (part.nPositive === 0) {
    out.push(`The ${name} split has no positive rows, so recall and ROC AUC cannot be computed on it.`);
  } else if (part.nPositive === part.n) {
    out.push(`The ${name} split has no negative rows, so specificity and ROC AUC cannot be computed on it.`);
  }
  return out;
}

/**
 * Summarises a split: per part n, positives, positive rate and (with `time`) the earliest and latest event time,
 * plus warnings for empty, tiny (< 30 rows) and one-class parts; a training part without both classes is `blocking`.
 * `y` is the 0/1 label per snapshot row.
 */
export function summarizeSplit(split: Split, y: Uint8Array, time?: Column): SplitSummary {
  const times = time ? timeValues(time) : null;
  const train = summarizePart(split.train, y, times);
  const validation = summarizePart(split.validation, y, times);
  const test = summarizePart(split.test, y, times);
  const warnings = [
    ...partWarnings('train', train),
    ...partWarnings('validation', validation),
    ...partWarnings('test', test),
  ];
  const blocker = trainingPartBlocker(train);
  return { train, validation, test, warnings, blocking: blocker ? [blocker] : [] };
}
