import type { Snapshot } from '../data/snapshot.ts';
import type { SliceTable } from '../evaluation/slice-table.ts';
import { stepOutputNames } from '../features/preprocessing.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';

/** One feature's importance as another step computed it (permutation importance: metric drop, with its interval). */
export interface FeatureImportance {
  readonly feature: string;
  readonly importance: number;
  readonly lo?: number | null;
  readonly hi?: number | null;
}

const MAX_LISTED = 8;
const f3 = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(3)}`;

/**
 * Logistic-regression coefficients per feature, largest magnitude first. Numeric inputs are standardised by the
 * preprocessing ((x − mean) / scale), so `coef` is log-odds per standard deviation; for a categorical feature it is the
 * one-hot level coefficient of largest magnitude (`levels` inputs), named by the feature only, so no category value
 * leaves the preprocessing file this way.
 */
export function featureCoefficients(outcome: TrainOutcome): { feature: string; coef: number; levels: number | null }[] {
  const { coef } = outcome;
  if (!coef || coef.length !== outcome.preprocessing.outputNames.length) return [];
  const out: { feature: string; coef: number; levels: number | null }[] = [];
  let at = 0;
  for (const step of outcome.preprocessing.steps) {
    const width = stepOutputNames(step).length;
    // A numeric step's first input is the value itself; its missing indicator, if any, follows.
    const span = step.kind === 'numeric' ? [coef[at] as number] : Array.from(coef.subarray(at, at + width));
    const top = span.reduce((best, c) => (Math.abs(c) > Math.abs(best) ? c : best), 0);
    out.push({ feature: step.column, coef: top, levels: step.kind === 'categorical' ? width : null });
    at += width;
  }
  return out.sort((a, b) => Math.abs(b.coef) - Math.abs(a.coef) || a.feature.localeCompare(b.feature));
}

/**
 * "Candidate signals": the features with their types, then what the model leans on: permutation importance when given,
 * else the largest logistic-regression coefficients of `coefSource` (the exported run or the baseline).
 */
export function candidateSignals(snapshot: Snapshot, outcome: TrainOutcome, importance: readonly FeatureImportance[] | undefined, coefSource: { outcome: TrainOutcome; name: string } | null): string {
  const features = outcome.contract.features.map((name) => {
    const c = snapshot.columns.find((col) => col.name === name);
    if (!c) return name;
    return c.type === 'numeric' || c.type === 'datetime' ? `${name} (${c.type})` : `${name} (${c.type}, ${c.categories.length} levels)`;
  });
  const parts = [`${features.length} features: ${features.join(', ')}.`];
  if (importance && importance.length) {
    const top = [...importance].sort((a, b) => b.importance - a.importance).slice(0, MAX_LISTED);
    parts.push(`Permutation importance on the validation split, largest first: ${top.map((i) => `${i.feature} ${f3(i.importance)}${i.lo != null && i.hi != null ? ` [${f3(i.lo)}, ${f3(i.hi)}]` : ''}`).join(', ')}.`);
  } else if (coefSource) {
    const top = featureCoefficients(coefSource.outcome).slice(0, MAX_LISTED);
    if (top.length) {
      parts.push(`Logistic-regression coefficients of ${coefSource.name}, largest magnitude first (log-odds per standard deviation; for a categorical feature its strongest level): ` +
        `${top.map((c) => `${c.feature} ${f3(c.coef)}${c.levels === null ? '' : ` (of ${c.levels} level inputs)`}`).join(', ')}.`);
    }
  } else {
    parts.push('No importance has been computed for this run.');
  }
  return parts.join(' ');
}

/** "Eval slices": each slice table examined, how many slices it has, and which are weak or too small to judge. */
export function evalSlices(tables: readonly SliceTable[] | undefined): string {
  if (!tables || tables.length === 0) return 'No slices examined yet (choose slice columns in the Evaluate step).';
  return tables.map((t) => {
    const name = t.spec.columns.join(' × ');
    const weak = t.rows.filter((r) => r.weak.length > 0).map((r) => `${r.key} (n=${r.n}; ${r.weak.join(', ')})`);
    const small = t.rows.filter((r) => r.too_small).map((r) => `${r.key} (n=${r.n})`);
    return `${name}: ${t.rows.length} slices on the test split, at least ${t.min_rows} rows to judge. ` +
      `Weak (interval wholly below overall): ${weak.length ? weak.join(', ') : 'none'}. Too small to judge: ${small.length ? small.join(', ') : 'none'}.`;
  }).join('\n');
}
