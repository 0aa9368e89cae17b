import { chiSquareTwoSample, type ChiSquareResult } from './chi-square.ts';
import { CategoryCounts, DistributionCounts, type DriftAccumulator } from './drift-accumulator.ts';
import { ksFromGrid, type KsResult } from './ks.ts';
import { psi } from './psi.ts';
import type { CategoricalReference, NumericReference } from './reference-profile.ts';

/** Warn and alert levels; a value at or above a level fires it. */
export interface DriftLevels {
  readonly psi_warn: number;
  readonly psi_alert: number;
  /** Absolute change in a column's missing rate (0..1). */
  readonly missing_warn: number;
  readonly missing_alert: number;
}

export const DEFAULT_DRIFT_LEVELS: DriftLevels = { psi_warn: 0.1, psi_alert: 0.25, missing_warn: 0.05, missing_alert: 0.2 };

export type DriftLevel = 'ok' | 'warn' | 'alert';

/** Drift of one input column between the reference profile and the new rows. */
export interface FeatureDrift {
  readonly column: string;
  readonly kind: 'numeric' | 'categorical';
  readonly psi: number;
  readonly ks?: KsResult;
  readonly chi_square?: ChiSquareResult;
  readonly missing_rate: { readonly reference: number; readonly new: number; readonly change: number };
  /** Categoricals: values absent from the reference (most frequent first, at most 20) and reference values now absent. */
  readonly new_categories?: readonly { readonly value: string; readonly count: number }[];
  readonly vanished_categories?: readonly string[];
  /** Reference vs new proportions per PSI bin (numeric) or per category (categorical), for plots. */
  readonly bins: readonly { readonly label: string; readonly reference: number; readonly new: number }[];
  readonly level: DriftLevel;
}

/** Drift of the positive-class score against the reference's test scores, and of how close scores sit to the threshold. */
export interface PredictionDrift {
  readonly psi: number;
  readonly ks: KsResult;
  readonly bins: FeatureDrift['bins'];
  readonly confidence: {
    readonly mean_distance: { readonly reference: number; readonly new: number };
    readonly near_threshold_share: { readonly reference: number; readonly new: number };
  };
  readonly level: DriftLevel;
}

/** The whole drift report: per feature, for the score, the levels used and a summary in words. */
export interface DriftReport {
  readonly rows: number;
  readonly levels: DriftLevels;
  readonly features: readonly FeatureDrift[];
  readonly prediction: PredictionDrift | null;
  readonly alerts: number;
  readonly warnings: number;
  readonly summary: string;
}

function level(value: number, warn: number, alert: number): DriftLevel {
  return value >= alert ? 'alert' : value >= warn ? 'warn' : 'ok';
}

function worst(a: DriftLevel, b: DriftLevel): DriftLevel {
  return a === 'alert' || b === 'alert' ? 'alert' : a === 'warn' || b === 'warn' ? 'warn' : 'ok';
}

const share = (count: number, total: number) => (total > 0 ? count / total : 0);

function binLabels(edges: readonly number[]): string[] {
  return Array.from({ length: edges.length + 1 }, (_, i) => (i === 0 ? `< ${edges[0]}` : i === edges.length ? `>= ${edges[i - 1]}` : `[${edges[i - 1]}, ${edges[i]})`));
}

function numericDrift(ref: NumericReference, counts: DistributionCounts, levels: DriftLevels): FeatureDrift {
  const value = psi(ref.counts, counts.bins);
  const newMissing = share(counts.missing, counts.missing + counts.total);
  const change = newMissing - ref.missing_rate;
  const labels = binLabels(ref.edges);
  return {
    column: ref.name, kind: 'numeric', psi: value,
    ks: ksFromGrid(ref.percentiles, ref.cdf, ref.n, counts.atOrBelow(), counts.belowFirst, counts.total),
    missing_rate: { reference: ref.missing_rate, new: newMissing, change },
    bins: labels.map((label, i) => ({ label, reference: share(ref.counts[i], ref.n), new: share(counts.bins[i], counts.total) })),
    level: worst(level(value, levels.psi_warn, levels.psi_alert), level(Math.abs(change), levels.missing_warn, levels.missing_alert)),
  };
}

function categoricalDrift(ref: CategoricalReference, counts: CategoryCounts, levels: DriftLevels): FeatureDrift {
  const known = Object.keys(ref.counts);
  const refCounts = known.map((k) => ref.counts[k]);
  const newCounts = known.map((k) => counts.counts.get(k) ?? 0);
  const unseen = [...counts.counts].filter(([k]) => !(k in ref.counts));
  // Values outside the listed reference categories share one bin: pooled rare training values plus unseen new ones.
  const labels = [...known, 'other or new'];
  refCounts.push(ref.other_count);
  newCounts.push(unseen.reduce((s, [, c]) => s + c, 0));
  const refTotal = refCounts.reduce((a, b) => a + b, 0);
  const value = psi(refCounts, newCounts);
  const newMissing = share(counts.missing, counts.missing + counts.total);
  const change = newMissing - ref.missing_rate;
  return {
    column: ref.name, kind: 'categorical', psi: value, chi_square: chiSquareTwoSample(refCounts, newCounts),
    missing_rate: { reference: ref.missing_rate, new: newMissing, change },
    new_categories: ref.other_count > 0 ? [] : unseen.sort((a, b) => b[1] - a[1]).slice(0, 20).map(([value, count]) => ({ value, count })),
    vanished_categories: known.filter((k) => !counts.counts.has(k)),
    bins: labels.map((label, i) => ({ label, reference: share(refCounts[i], refTotal), new: share(newCounts[i], counts.total) })),
    level: worst(level(value, levels.psi_warn, levels.psi_alert), level(Math.abs(change), levels.missing_warn, levels.missing_alert)),
  };
}

function predictionDrift(acc: DriftAccumulator, levels: DriftLevels): PredictionDrift | null {
  const counts = acc.scores;
  const ref = acc.reference.scores.test ?? acc.reference.scores.validation;
  if (!counts || !ref || counts.total === 0) return null;
  const value = psi(ref.counts, counts.bins);
  return {
    psi: value, ks: ksFromGrid(ref.percentiles, ref.cdf, ref.n, counts.atOrBelow(), counts.belowFirst, counts.total),
    bins: binLabels(ref.edges).map((label, i) => ({ label, reference: share(ref.counts[i], ref.n), new: share(counts.bins[i], counts.total) })),
    confidence: {
      mean_distance: { reference: ref.mean_distance, new: acc.distanceSum / counts.total },
      near_threshold_share: { reference: ref.near_threshold_share, new: acc.nearThreshold / counts.total },
    },
    level: level(value, levels.psi_warn, levels.psi_alert),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function describe(f: FeatureDrift): string {
  const parts = [`PSI ${f.psi.toFixed(3)}`];
  if (Math.abs(f.missing_rate.change) >= 0.01) parts.push(`missing ${pct(f.missing_rate.reference)} → ${pct(f.missing_rate.new)}`);
  if (f.new_categories?.length) parts.push(`${f.new_categories.length} new value${f.new_categories.length === 1 ? '' : 's'} (e.g. "${f.new_categories[0].value}")`);
  if (f.vanished_categories?.length) parts.push(`${f.vanished_categories.length} training value${f.vanished_categories.length === 1 ? '' : 's'} absent`);
  return `${f.column} (${f.level}: ${parts.join(', ')})`;
}

function summarise(features: readonly FeatureDrift[], prediction: PredictionDrift | null, rows: number): string {
  const moved = [...features].sort((a, b) => b.psi - a.psi).filter((f) => f.level !== 'ok');
  const head = moved.length === 0
    ? `No input column moved past the warn level over ${rows} rows`
    : `Over ${rows} rows, what moved most: ${moved.slice(0, 3).map(describe).join('; ')}${moved.length > 3 ? `; and ${moved.length - 3} more` : ''}`;
  if (!prediction) return `${head}.`;
  const c = prediction.confidence.near_threshold_share;
  return `${head}. The score ${prediction.level === 'ok' ? 'held steady' : 'moved'} (PSI ${prediction.psi.toFixed(3)}, ${prediction.level}); ` +
    `rows within 0.1 of the threshold: ${pct(c.reference)} in the reference test split, ${pct(c.new)} now.`;
}

/** Turns accumulated counts into the drift report at the given levels. */
export function driftReport(acc: DriftAccumulator, levels: DriftLevels = DEFAULT_DRIFT_LEVELS): DriftReport {
  const features = acc.features.map((counts, i) => {
    const ref = acc.reference.columns.find((c) => c.name === acc.columns[i]);
    if (ref?.kind === 'numeric' && counts instanceof DistributionCounts) return numericDrift(ref, counts, levels);
    if (ref?.kind === 'categorical' && counts instanceof CategoryCounts) return categoricalDrift(ref, counts, levels);
    throw new Error(`reference and new data disagree on the kind of column "${acc.columns[i]}"`);
  });
  const prediction = predictionDrift(acc, levels);
  const all = [...features.map((f) => f.level), ...(prediction ? [prediction.level] : [])];
  return {
    rows: acc.rows, levels, features, prediction,
    alerts: all.filter((l) => l === 'alert').length, warnings: all.filter((l) => l === 'warn').length,
    summary: summarise(features, prediction, acc.rows),
  };
}
