// Evaluation beyond the 2×2 metrics: threshold choice, sweeps, intervals, slices, errors and the full report.
export * from './threshold-strategy.ts';
export * from './sweep-table.ts';
export * from './operating-points.ts';
export * from './score-histogram.ts';
export * from './slice-values.ts';
export * from './slice-table.ts';
export * from './error-lists.ts';
export * from './error-clusters.ts';
export * from './regression-fixture.ts';
export * from './scores-table.ts';
export * from './evaluation-report.ts';
export * from './compare-runs.ts';
export * from './pii-columns.ts';
export * from './split-scored-rows.ts';
