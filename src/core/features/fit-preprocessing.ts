import { hasValues, type CategoricalColumn, type ValuesColumn } from '../data/column.ts';
import { sortFloat64 } from '../data/sort-float64.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { categoryKey } from './category-key.ts';
import { categorySalt, hashCategory } from './hash-category.ts';
import { stepOutputNames, type CategoricalStep, type FeatureStep, type NumericStep, type Preprocessing } from './preprocessing.ts';

function median(sorted: Float64Array): number {
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fitNumeric(column: ValuesColumn, rows: Int32Array): NumericStep {
  const present = new Float64Array(rows.length);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Number.isNaN(column.values[r])) present[k++] = column.values[r];
  }
  const observed = sortFloat64(present.subarray(0, k));
  const med = median(observed);
  const missingCount = rows.length - k;
  // Statistics are of the imputed values, matching SimpleImputer followed by StandardScaler.
  let sum = 0;
  for (let i = 0; i < observed.length; i++) {
    const v = observed[i];
    sum += v;
  }
  const mean = rows.length ? (sum + missingCount * med) / rows.length : 0;
  let ss = 0;
  for (let i = 0; i < observed.length; i++) {
    const v = observed[i];
    ss += (v - mean) ** 2;
  }
  ss += missingCount * (med - mean) ** 2;
  const std = rows.length ? Math.sqrt(ss / rows.length) : 0;
  // A (near-)constant column is centred but not divided, so it can never produce Infinity or NaN.
  const scale = std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1;
  return { kind: 'numeric', column: column.name, median: med, mean, scale, missingIndicator: missingCount > 0 };
}

/** Most one-hot slots a column gets; rarer training values share the "other" slot, so an ID-like column cannot explode the matrix. */
export const MAX_CATEGORIES = 100;

function fitCategorical(column: CategoricalColumn, rows: Int32Array, salt: string | null): CategoricalStep {
  const perCode = new Float64Array(column.categories.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (column.codes[r] >= 0) perCode[column.codes[r]]++;
  }
  const counts = new Map<string, number>();
  column.categories.forEach((c, code) => {
    if (perCode[code] > 0) counts.set(categoryKey(c), (counts.get(categoryKey(c)) ?? 0) + perCode[code]);
  });
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = ranked.slice(0, MAX_CATEGORIES).map(([key]) => key);
  if (salt === null) return { kind: 'categorical', column: column.name, categories: kept };
  return { kind: 'categorical', column: column.name, categories: kept.map((key) => hashCategory(salt, key)), salt };
}

/**
 * Fits the pipeline on the training rows only; nothing from validation or test rows can leak into the statistics.
 * Categorical columns named in `hashed` store salted SHA-256 digests of their categories, never the values.
 */
export function fitPreprocessing(snapshot: Snapshot, features: readonly string[], trainRows: Int32Array, hashed: readonly string[] = []): Preprocessing {
  const steps: FeatureStep[] = features.map((name) => {
    const column = columnByName(snapshot, name);
    if (hasValues(column)) return fitNumeric(column, trainRows);
    return fitCategorical(column, trainRows, hashed.includes(name) ? categorySalt(snapshot.id, name) : null);
  });
  return { format: 1, steps, outputNames: steps.flatMap(stepOutputNames) };
}
