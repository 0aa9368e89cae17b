import type { Snapshot } from '../../data/snapshot.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { assignFolds } from './feature-power.ts';
import { singleFeatureAuc, type FeaturePower } from './feature-power.ts';

/** Single-feature AUC at or above which a feature fails: it all but copies the label. */
export const LEAK_FAIL_AUC = 0.99;
/** Single-feature AUC at or above which a feature warns: suspiciously strong on its own. */
export const LEAK_WARN_AUC = 0.95;
/** Folds of the out-of-fold target-mean encoding for categorical features. */
export const TARGET_MEAN_FOLDS = 5;

function evidence(power: FeaturePower, rows: number): string {
  const how = power.method === 'values' ? 'scoring by its values alone' : `from an out-of-fold target-mean encoding (${TARGET_MEAN_FOLDS} folds)`;
  return `AUC ${power.auc.toFixed(3)} on ${rows} training rows, ${how}.`;
}

/**
 * Single-feature predictive power on the training rows (`train`) of every present role-'feature' column:
 * `leak:single-feature:<column>` fails at AUC ≥ 0.98 and warns at ≥ 0.90; the other features produce no finding
 * of their own, only one summary pass (`leak:single-feature`) listing the top five AUCs. y is 0/1 per snapshot row.
 */
export function checkSingleFeaturePower(snapshot: Snapshot, contract: DataContract, y: Uint8Array, train: Int32Array, seed: number): Finding[] {
  const folds = assignFolds(train.length, TARGET_MEAN_FOLDS, seed);
  const findings: Finding[] = [];
  const honest: { name: string; auc: number }[] = [];
  for (const name of columnsWithRole(contract, 'feature')) {
    const column = snapshot.columns.find((c) => c.name === name);
    if (!column || name === contract.label) continue;
    const power = singleFeatureAuc(column, y, train, folds, TARGET_MEAN_FOLDS);
    if (!power) continue;
    const base = { id: `leak:single-feature:${name}`, check: 'single-feature', column: name, evidence: evidence(power, train.length) };
    if (power.auc >= LEAK_FAIL_AUC) {
      findings.push({
        ...base,
        status: 'fail',
        message: `"${name}" nearly predicts the label by itself: a label copy or something recorded after the outcome.`,
        suggestion: `Find out when and how "${name}" is recorded; if it is known only after the outcome, set its role to ignore.`,
      });
    } else if (power.auc >= LEAK_WARN_AUC) {
      findings.push({
        ...base,
        status: 'warn',
        message: `"${name}" predicts the label unusually well by itself; check that it is known at prediction time.`,
        suggestion: `If "${name}" is available when the prediction is made, dismiss this with a reason; otherwise set its role to ignore.`,
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
      message: `${findings.length > 0 ? `The other ${honest.length}` : `All ${honest.length}`} feature${honest.length === 1 ? '' : 's'} stay below AUC ${LEAK_WARN_AUC.toFixed(2)} on their own.`,
      evidence: `Highest single-feature AUCs on ${train.length} training rows: ${honest.slice(0, 5).map((h) => `${h.name} ${h.auc.toFixed(3)}`).join(', ')}.`,
      count: honest.length,
    });
  }
  return findings;
}
