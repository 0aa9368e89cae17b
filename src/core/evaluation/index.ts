// Evaluation beyond the 2×2 metrics: threshold choice, sweeps, intervals, slices, errors and the full report.
export {
  chooseThreshold, type ChosenThreshold, describeStrategy, expectedCost, nextUp, type ThresholdStrategy,
} from './threshold-strategy.ts';
export { nullable, pick, sweepTable, type SweepTable, thinIndices } from './sweep-table.ts';
export { type OperatingPoint, operatingPoints } from './operating-points.ts';
export { scoreHistogram, type ScoreHistogram } from './score-histogram.ts';
export { MAX_CATEGORY_SLICES, MISSING_LABEL, OTHER_LABEL, sliceValues, type SliceValues } from './slice-values.ts';
export {
  type IntervalFn, MIN_SLICE_ROWS, type OverallMetrics, type SliceRow, type SliceSpec, sliceTable,
  type SliceTable,
} from './slice-table.ts';
export { errorLists, type ErrorLists, type ErrorRow } from './error-lists.ts';
export {
  type Cluster, errorClusters, type ErrorClusters, MIN_CLUSTER_SHARE, MIN_CLUSTER_SUPPORT,
} from './error-clusters.ts';
export { regressionFixtureCsv } from './regression-fixture.ts';
export {
  classFromScoreColumn, readScoresTable, type ScoresTable, ScoresTableError, type ScoresTableSpec,
} from './scores-table.ts';
export { evaluationReport, type EvaluationReport, type ReportRequest, type ScoredRows } from './evaluation-report.ts';
export {
  type ComparedRun, compareRuns, type Comparison, type ComparisonCosts, describePolicy, policyCosts, type RunToCompare, type SliceComparisonRow,
} from './compare-runs.ts';
export { suggestedPiiColumns } from './pii-columns.ts';
export { splitScoredRows } from './split-scored-rows.ts';
