import { LOG_LOSS_EPS } from './log-loss.ts';
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

/** How many classes had a defined (non-null) value; the others entered the precision/recall/F1 averages as 0. */
export interface DefinedCounts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly roc_auc_ovr: number;
}

/**
 * Everything a single-label multiclass evaluation reports, keyed like the binary report's JSON names.
 *
 * Nulls: a per-class ratio with a zero denominator is null, never 0. The macro and weighted precision, recall and F1
 * follow scikit-learn's `precision_recall_fscore_support(zero_division=0)` (default labels): they average over the
 * classes that occur among the actual or predicted classes, an undefined value counting as 0, and `messages` names the
 * classes and why. A class that neither occurs nor is predicted is left out, as sklearn leaves it out of its labels.
 * One-vs-rest AUC is averaged over the classes where it is defined (sklearn refuses the whole average instead).
 */
export interface MulticlassReport {
  readonly n: number;
  readonly classes: readonly string[];
  /** [actual][predicted] row counts; the prediction is the argmax of the row's probabilities, ties → lowest index. */
  readonly confusion: readonly (readonly number[])[];
  /** Share of rows whose argmax class is the actual class; null with no rows. */
  readonly accuracy: number | null;
  /**
   * Mean −log p(actual class), each probability clipped to [ε, 1 − ε] (ε = float64 epsilon) and each row renormalised
   * to sum to 1, as sklearn's `log_loss`; null with no rows or when a probability lies outside [0, 1].
   */
  readonly log_loss: number | null;
  readonly per_class: readonly ClassMetrics[];
  /** Unweighted means over the classes present (actual or predicted), undefined values as 0; AUC over defined ones. */
  readonly macro: Averages & { readonly roc_auc_ovr: number | null; readonly defined: DefinedCounts };
  /** For single-label multiclass, micro precision = micro recall = micro F1 = accuracy. */
  readonly micro: Averages;
  /** Support-weighted means Σ support·value / Σ support, undefined values as 0 (a class with no rows weighs 0). */
  readonly weighted: Averages & { readonly roc_auc_ovr: number | null; readonly defined: DefinedCounts };
  /** Plain sentences naming the classes whose value is undefined, why, and how the averages treat them. */
  readonly messages: readonly string[];
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/**
 * Weighted mean over the classes `counted`, a null value counting as 0 (sklearn's zero_division=0), with the count of
 * non-null values; null when no class is counted or the weights sum to 0.
 */
function meanAsZero(values: readonly (number | null)[], weights: readonly number[], counted: readonly boolean[]): { mean: number | null; defined: number } {
  let sum = 0;
  let weight = 0;
  let defined = 0;
  values.forEach((v, k) => {
    if (v !== null) defined++;
    if (!counted[k]) return;
    sum += weights[k] * (v ?? 0);
    weight += weights[k];
  });
  return { mean: ratio(sum, weight), defined };
}

/** Weighted mean of the non-null values, with their count; null when none (or all weights are 0). */
function meanOfDefined(values: readonly (number | null)[], weights: readonly number[]): { mean: number | null; defined: number } {
  return meanAsZero(values, weights, values.map((v) => v !== null));
}

/** sklearn's multiclass log loss: clip to [ε, 1 − ε], renormalise each row, mean −log of the actual class's share. */
function multiclassLogLoss(probabilities: Float64Array, classIndex: Uint8Array, k: number): number | null {
  const n = classIndex.length;
  if (n === 0) return null;
  for (let j = 0; j < probabilities.length; j++) {
    const p = probabilities[j];
    if (p < 0 || p > 1) return null;
  }
  const clip = (p: number) => Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += clip(probabilities[i * k + c]);
    sum -= Math.log(clip(probabilities[i * k + classIndex[i]]) / rowSum);
  }
  return sum / n;
}

// Sentences for the classes whose precision or recall is undefined: which ones, why, and that the averages count 0.
function undefinedMessages(perClass: readonly ClassMetrics[], present: readonly boolean[]): string[] {
  const out: string[] = [];
  const names = (pick: (m: ClassMetrics, k: number) => boolean) => perClass.filter(pick).map((m) => `"${m.class}"`);
  const neverPredicted = names((m, k) => present[k] && m.precision === null);
  if (neverPredicted.length) {
    out.push(`Precision is undefined for ${neverPredicted.join(', ')}: never predicted. The macro and weighted averages count it as 0, as scikit-learn does (zero_division=0).`);
  }
  const noRows = names((m, k) => present[k] && m.recall === null);
  if (noRows.length) {
    out.push(`Recall and one-vs-rest AUC are undefined for ${noRows.join(', ')}: no rows of that class. Macro recall counts it as 0 (as scikit-learn does); the AUC averages leave it out.`);
  }
  const absent = names((_, k) => !present[k]);
  if (absent.length) out.push(`${absent.join(', ')} neither occur nor are predicted, so they are left out of the averages (as scikit-learn's labels leave them out).`);
  return out;
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
 * See `MulticlassReport` for how undefined (null) per-class values enter the averages.
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
  // sklearn's default labels: the classes among the actual or the predicted ones.
  const present = perClass.map((m, c) => m.support > 0 || confusion.some((row) => row[c] > 0));
  const average = (weights: readonly number[]) => {
    const precision = meanAsZero(perClass.map((m) => m.precision), weights, present);
    const recall = meanAsZero(perClass.map((m) => m.recall), weights, present);
    const f1 = meanAsZero(perClass.map((m) => m.f1), weights, present);
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
    log_loss: multiclassLogLoss(probabilities, classIndex, k),
    per_class: perClass,
    macro: average(ones),
    micro: { precision: accuracy, recall: accuracy, f1: accuracy },
    weighted: average(supports),
    messages: n ? undefinedMessages(perClass, present) : ['There are no rows to evaluate.'],
  };
}
