import type { Snapshot } from '../../data/snapshot.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { classCount, classPhrase, judgeableTargets, outcomeWord, type ClassTarget } from './class-targets.ts';
import { assignFolds, aucLowerBound, singleFeatureAuc, type FeaturePower } from './feature-power.ts';

/** Single-feature AUC at or above which a copy-like feature fails: it all but copies the label. */
export const LEAK_FAIL_AUC = 0.99;
/** Single-feature AUC at or above which a feature is reported: suspiciously strong on its own. */
export const LEAK_WARN_AUC = 0.95;
/** Best one-cut balanced accuracy at or above which a strong feature looks like a label copy (with a few flips). */
export const COPY_BALANCED_ACCURACY = 0.96;
/**
 * Largest AUC − balanced accuracy of a copy: a copy's flipped rows sit deep in the other class, so its AUC is no higher
 * than its best cut; an honest feature errs near the cut, and its AUC runs clearly above it (breast cancer: 0.04).
 */
export const COPY_AUC_GAP = 0.01;
/** Lower bound (AUC − 2·SE) a failing AUC must keep: the rows must be enough to tell a copy from luck. */
export const FAIL_AUC_LOWER = 0.95;
/** Folds of the out-of-fold target-mean encoding for categorical features. */
export const TARGET_MEAN_FOLDS = 5;

interface Measured {
  readonly target: ClassTarget;
  readonly power: FeaturePower;
  readonly lower: number;
  readonly positives: number;
}

function evidence(m: Measured, rows: number, targets: readonly ClassTarget[]): string {
  const how = m.power.method === 'values' ? 'scoring by its values alone' : `from an out-of-fold target-mean encoding (${TARGET_MEAN_FOLDS} folds)`;
  const against = targets.length > 1 ? ` against class "${m.target.name}" (${m.positives} rows)` : '';
  return `AUC ${m.power.auc.toFixed(3)} (lower bound ${m.lower.toFixed(3)})${against} on ${rows} training rows, ${how}; `
    + `best single cut: balanced accuracy ${m.power.balancedAccuracy.toFixed(3)}.`;
}

/**
 * Single-feature predictive power on the training rows (`train`) of every present role-'feature' column, one-vs-rest
 * for every class in `targets` that has MIN_CLASS_ROWS rows (the strongest class is reported and named):
 * `leak:single-feature:<column>` fails when AUC ≥ 0.99 with a lower bound ≥ 0.95 and a copy-like cut (balanced
 * accuracy ≥ 0.96 and within 0.01 of the AUC); warns for a copy-like cut or an outcome-like header at AUC ≥ 0.95; otherwise AUC ≥ 0.95 is a
 * "strong signal" warn to confirm (no typed reason). Others give one summary pass (`leak:single-feature`), and classes
 * too small to judge one note (`leak:too-few-rows`).
 */
export function checkSingleFeaturePower(snapshot: Snapshot, contract: DataContract, targets: readonly ClassTarget[], train: Int32Array, seed: number): Finding[] {
  const folds = assignFolds(train.length, TARGET_MEAN_FOLDS, seed);
  const { judged, tooFew } = judgeableTargets(targets, train);
  const findings: Finding[] = [];
  const honest: { name: string; auc: number }[] = [];
  if (judged.length === 0 && tooFew.length === 0) return [];
  for (const name of columnsWithRole(contract, 'feature')) {
    const column = snapshot.columns.find((c) => c.name === name);
    if (!column || name === contract.label) continue;
    let best: Measured | null = null;
    for (const target of judged) {
      const power = singleFeatureAuc(column, target.y, train, folds, TARGET_MEAN_FOLDS);
      if (!power) continue;
      const positives = classCount(target, train);
      const m = { target, power, positives, lower: aucLowerBound(power.auc, positives, train.length - positives) };
      if (!best || m.power.auc > best.power.auc) best = m;
    }
    if (!best) continue;
    const { power, lower } = best;
    const base = { id: `leak:single-feature:${name}`, check: 'single-feature', column: name, evidence: evidence(best, train.length, judged) };
    const what = classPhrase(best.target, judged);
    const copyLike = power.balancedAccuracy >= COPY_BALANCED_ACCURACY && power.auc - power.balancedAccuracy <= COPY_AUC_GAP;
    const word = outcomeWord(name);
    if (power.auc >= LEAK_FAIL_AUC && lower >= FAIL_AUC_LOWER && copyLike) {
      findings.push({
        ...base,
        status: 'fail',
        message: `"${name}" nearly predicts ${what} by itself: a label copy or something recorded after the outcome.`,
        suggestion: `Find out when and how "${name}" is recorded; if it is known only after the outcome, set its role to ignore.`,
      });
    } else if (power.auc >= LEAK_WARN_AUC && (copyLike || word)) {
      findings.push({
        ...base,
        status: 'warn',
        message: copyLike
          ? `"${name}" splits ${what} almost cleanly at one cut, as a copy of the label with a few flipped rows would.`
          : `"${name}" predicts ${what} unusually well, and its header ("${word}") sounds like something recorded after the outcome.`,
        suggestion: `If "${name}" is available when the prediction is made, dismiss this with a reason; otherwise set its role to ignore.`,
      });
    } else if (power.auc >= LEAK_WARN_AUC) {
      findings.push({
        ...base,
        status: 'warn',
        strongSignal: true,
        message: `Strong signal: "${name}" predicts ${what} well on its own, with an overlap a label copy would not have. Confirm it is known at prediction time.`,
        suggestion: `Confirm it if "${name}" is measured before the prediction is made; otherwise set its role to ignore.`,
      });
    } else {
      honest.push({ name, auc: power.auc });
    }
  }
  if (honest.length > 0) {
    honest.sort((a, b) => b.auc - a.auc || (a.name < b.name ? -1 : 1));
    findings.push({
      id: 'leak:single-feature',
      check: 'single-feature',
      status: 'pass',
      message: `${findings.length > 0 ? `The other ${honest.length}` : `All ${honest.length}`} feature${honest.length === 1 ? '' : 's'} stay below AUC ${LEAK_WARN_AUC.toFixed(2)} on their own${judged.length > 1 ? ` against each of ${judged.length} classes` : ''}.`,
      evidence: `Highest single-feature AUCs on ${train.length} training rows: ${honest.slice(0, 5).map((h) => `${h.name} ${h.auc.toFixed(3)}`).join(', ')}.`,
      count: honest.length,
    });
  }
  if (tooFew.length > 0) {
    findings.push({
      id: 'leak:too-few-rows',
      check: 'too-few-rows',
      status: 'pass',
      message: `Too few rows of class ${tooFew.join(', ')} to judge single-feature power, row order or patterns for ${tooFew.length === 1 ? 'it' : 'them'}.`,
      evidence: `A class needs at least 10 training rows, and so does the rest, before a near-perfect score means more than luck.`,
      suggestion: 'Collect more rows of the class, or merge it with a similar one.',
    });
  }
  return findings;
}
