import type { NumericColumn } from '../../data/column.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { classPhrase, judgeableTargets, type ClassTarget } from './class-targets.ts';
import { aucOverRows, medianImputed } from './feature-power.ts';

/** AUC of an ID or of the row number at or above which (or at or below 1 − it) the order tracks the label. */
export const ORDER_AUC_WARN = 0.75;
/** Share of distinct values among non-missing cells from which an integer column counts as ID-like. */
export const ID_DISTINCT_SHARE = 0.95;

/** True for an integer numeric column whose distinct count is ≥ 95% of its non-missing cells. */
export function isIdLike(column: NumericColumn, rowCount: number): boolean {
  const present = rowCount - column.missing;
  if (present < 2 || column.distinct < ID_DISTINCT_SHARE * present) return false;
  // Continuous measurements are nearly all distinct too; only whole numbers look like counters or keys.
  for (let i = 0; i < column.values.length; i++) {
    const v = column.values[i];
    if (!Number.isNaN(v) && !Number.isInteger(v)) return false;
  }
  return true;
}

const tracks = (auc: number): boolean => auc >= ORDER_AUC_WARN || auc <= 1 - ORDER_AUC_WARN;

// The class whose AUC is farthest from 0.5: a file sorted by species puts one class first and another last.
function farthest(scores: Float64Array, targets: readonly ClassTarget[], train: Int32Array): { auc: number; target: ClassTarget } | null {
  let best: { auc: number; target: ClassTarget } | null = null;
  for (const target of targets) {
    const auc = aucOverRows(scores, target.y, train);
    if (auc !== null && (!best || Math.abs(auc - 0.5) > Math.abs(best.auc - 0.5))) best = { auc, target };
  }
  return best;
}

/**
 * Order artefacts on the training rows, one-vs-rest for every class of `targets` with enough rows (the class farthest
 * from AUC 0.5 is reported): `leak:row-order` (row number vs the class; pass or warn; skipped under a time split,
 * where row order is time order and the split already keeps the future out) and `leak:id-like:<column>` for each
 * ID-like feature or entity_key column (pass or warn). Warn when AUC ≥ 0.75 or ≤ 0.25.
 */
export function checkIdLikeColumns(snapshot: Snapshot, contract: DataContract, targets: readonly ClassTarget[], train: Int32Array): Finding[] {
  const findings: Finding[] = [];
  const { judged } = judgeableTargets(targets, train);
  const row = contract.split.policy === 'time' ? null : farthest(Float64Array.from(train), judged, train);
  if (row) {
    const against = judged.length > 1 ? ` class "${row.target.name}"` : ' the label';
    const evidence = `AUC ${row.auc.toFixed(3)} of the row number against${against} on ${train.length} training rows.`;
    findings.push(tracks(row.auc)
      ? {
          id: 'leak:row-order',
          check: 'row-order',
          status: 'warn',
          message: `The row order tracks ${classPhrase(row.target, judged)}: the file looks sorted or appended by outcome.`,
          evidence,
          suggestion: 'Never feed the row number to a model; shuffle before any sequential use, or use a time or group split that matches how rows arrive.',
        }
      : { id: 'leak:row-order', check: 'row-order', status: 'pass', message: 'The row order does not track the label.', evidence });
  }
  for (const column of snapshot.columns) {
    const role = contract.roles[column.name];
    if ((role !== 'feature' && role !== 'entity_key') || column.type !== 'numeric' || !isIdLike(column, snapshot.rowCount)) continue;
    const scores = medianImputed(column.values, train);
    const hit = scores && farthest(scores, judged, train);
    if (!hit) continue;
    const { auc } = hit;
    const base = {
      id: `leak:id-like:${column.name}`,
      check: 'id-like',
      column: column.name,
      evidence: `${column.distinct} distinct whole numbers in ${snapshot.rowCount - column.missing} non-missing cells; AUC ${auc.toFixed(3)} against ${judged.length > 1 ? `class "${hit.target.name}"` : 'the label'} on ${train.length} training rows.`,
    };
    findings.push(tracks(auc)
      ? {
          ...base,
          status: 'warn',
          message: `"${column.name}" looks like an ID and tracks ${classPhrase(hit.target, judged)}: IDs were probably assigned in an order related to the outcome.`,
          suggestion: `Set "${column.name}" to ignore (or entity_key), shuffle the rows, or use a group or time split so the order cannot leak.`,
        }
      : { ...base, status: 'pass', message: `"${column.name}" looks like an ID but does not track the label.` });
  }
  return findings;
}
