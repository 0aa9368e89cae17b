import { rocAuc } from './roc-auc.ts';

/** One class's row of the report: support in rows, ratios in [0, 1] or null when their denominator is 0. */
export interface ClassMetrics {
  readonly class: string;
  /** Rows whose actual class is this one. */
  readonly support: number;
  /** tp / predicted; null when the class is never predicted. */
  readonly precision: number | null;
  /** tp / support; null when the class has no rows. */
  readonly recall: number | null;
  /** 2·tp / (support + predicted); null only when the class is neither present nor predicted (0 when one of them is). */
  readonly f1: number | null;
  /** One-vs-rest ROC AUC of this class's probability column; null when every row, or no row, is of this class. */
  readonly roc_auc_ovr: number | null;
}

export interface Averages {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

/** How many classes had a defined (non-null) value and so entered an average. */
export interface DefinedCounts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly roc_auc_ovr: number;
}

/**
 * Everything a single-label multiclass evaluation reports, keyed like the binary report's JSON names.
 *
 * Nulls: a ratio with a zero denominator is null, never 0. Averages differ from scikit-learn's `zero_division`
 * behaviour on purpose: sklearn counts an undefined per-class value as 0 (with a warning); here the macro and
 * weighted averages are taken over the classes whose value is defined only, and `defined` records how many that was
 * (out of `classes.length`). An average is null when no class has a defined value. When every class's value is
 * defined the averages equal sklearn's exactly.
 */
export interface MulticlassReport {
  readonly n: number;
  readonly classes: readonly string[];
  /** [actual][predicted] row counts; the prediction is the argmax of the row's probabilities, ties → lowest index. */
  readonly confusion: readonly (readonly number[])[];
  /** Share of rows whose argmax class is the actual class; null with no rows. */
  readonly accuracy: number | null;
  readonly per_class: readonly ClassMetrics[];
  /** Unweighted means over the classes whose value is defined (`defined` says how many). */
  readonly macro: Averages & { readonly roc_auc_ovr: number | null; readonly defined: DefinedCounts };
  /** For single-label multiclass, micro precision = micro recall = micro F1 = accuracy. */
  readonly micro: Averages;
  /**
   * Support-weighted means over the classes whose value is defined: Σ support·value / Σ support, both sums over those
   * classes (`defined` counts them, as for macro). A class with no rows has weight 0 either way.
   */
  readonly weighted: Averages & { readonly roc_auc_ovr: number | null; readonly defined: DefinedCounts };
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** Weighted mean of the non-null values, with the count of non-null values; null when none (or all weights are 0). */
function meanOfDefined(values: readonly (number | null)[], weights: readonly number[]): { mean: number | null; defined: number } {
  let sum = 0;
  let weight = 0;
  let defined = 0;
  values.forEach((v, k) => {
    if (v === null) return;
    defined++;
    sum += weights[k] * v;
    weight += weights[k];
  });
  return { mean: ratio(sum, weight), defined };
}

function checkInputs(probabilities: Float64Array, classIndex: Uint8Array, classes: readonly string[]): void {
  const k = classes.length;
  const n = classIndex.length;
  if (k < 2) throw new Error(`a multiclass report needs at least 2 classes (got ${k})`);
  if (new Set(classes).size !== k) throw new Error(`class names must be distinct (got ${classes.map((c) => `"${c}"`).join(', ')})`);
  if (probabilities.length !== n * k) {
    throw new Error(
      `probabilities must hold one value per row and class: ${n} rows × ${k} classes = ${n * k} values (got ${probabilities.length})`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (classIndex[i] >= k) throw new Error(`class index at row ${i} is ${classIndex[i]}; there are only ${k} classes (0 to ${k - 1})`);
  }
  for (let j = 0; j < probabilities.length; j++) {
    // A NaN has no place in the argmax or the AUC ordering.
    if (Number.isNaN(probabilities[j])) {
      throw new Error(`probability at row ${Math.floor(j / k)}, class "${classes[j % k]}" is NaN; every row needs a number per class`);
    }
  }
}

/**
 * Confusion matrix, accuracy, per-class precision/recall/F1/one-vs-rest AUC and their macro, micro and weighted
 * averages, as scikit-learn defines them (`confusion_matrix`, `precision_recall_fscore_support`,
 * `roc_auc_score(multi_class='ovr')`), for probabilities (row-major [n, K]) and actual class indices (n, each < K).
 * Probabilities need not sum to 1 (sklearn's AUC refuses rows that do not; the values here are the same otherwise).
 * See `MulticlassReport` for how undefined (null) per-class values are treated in the averages.
 */
export function multiclassReport(probabilities: Float64Array, classIndex: Uint8Array, classes: readonly string[]): MulticlassReport {
  checkInputs(probabilities, classIndex, classes);
  const k = classes.length;
  const n = classIndex.length;

  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestP = probabilities[i * k];
    // Strictly greater: a tie keeps the lowest index, as numpy's argmax does.
    for (let c = 1; c < k; c++) {
      const p = probabilities[i * k + c];
      if (p > bestP) {
        best = c;
        bestP = p;
      }
    }
    confusion[classIndex[i]][best]++;
  }

  let correct = 0;
  const supports: number[] = [];
  const perClass: ClassMetrics[] = classes.map((name, c) => {
    const tp = confusion[c][c];
    correct += tp;
    const support = confusion[c].reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let a = 0; a < k; a++) predicted += confusion[a][c];
    supports.push(support);
    const scores = new Float64Array(n);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      scores[i] = probabilities[i * k + c];
      labels[i] = classIndex[i] === c ? 1 : 0;
    }
    return {
      class: name,
      support,
      precision: ratio(tp, predicted),
      recall: ratio(tp, support),
      f1: ratio(2 * tp, support + predicted),
      roc_auc_ovr: rocAuc(scores, labels),
    };
  });

  const accuracy = ratio(correct, n);
  const ones = new Array<number>(k).fill(1);
  const average = (weights: readonly number[]) => {
    const precision = meanOfDefined(perClass.map((m) => m.precision), weights);
    const recall = meanOfDefined(perClass.map((m) => m.recall), weights);
    const f1 = meanOfDefined(perClass.map((m) => m.f1), weights);
    const auc = meanOfDefined(perClass.map((m) => m.roc_auc_ovr), weights);
    return {
      precision: precision.mean,
      recall: recall.mean,
      f1: f1.mean,
      roc_auc_ovr: auc.mean,
      defined: { precision: precision.defined, recall: recall.defined, f1: f1.defined, roc_auc_ovr: auc.defined },
    };
  };

  return {
    n,
    classes: [...classes],
    confusion,
    accuracy,
    per_class: perClass,
    macro: average(ones),
    micro: { precision: accuracy, recall: accuracy, f1: accuracy },
    weighted: average(supports),
  };
}
