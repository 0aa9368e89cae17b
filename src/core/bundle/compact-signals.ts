import type { Snapshot } from '../data/snapshot.ts';
import type { SliceTable } from '../evaluation/slice-table.ts';
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
 * Logistic-regression coefficients by model input, largest |coefficient| first. Numeric inputs are standardised by the
 * preprocessing ((x − mean) / scale), so their coefficient is per standard deviation; a one-hot level's is for presence.
 */
export function lrCoefficients(outcome: TrainOutcome): { name: string; coef: number }[] {
  const { coef } = outcome;
  const names = outcome.preprocessing.outputNames;
  if (!coef || coef.length !== names.length) return [];
  return names.map((name, i) => ({ name, coef: coef[i] as number })).sort((a, b) => Math.abs(b.coef) - Math.abs(a.coef) || a.name.localeCompare(b.name));
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
    const top = lrCoefficients(coefSource.outcome).slice(0, MAX_LISTED);
    if (top.length) parts.push(`Largest logistic-regression coefficients of ${coefSource.name} (log-odds per standard deviation for numeric inputs, per level for one-hot levels): ${top.map((c) => `${c.name} ${f3(c.coef)}`).join(', ')}.`);
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
