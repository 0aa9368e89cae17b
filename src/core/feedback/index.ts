export { joinLabels, labelValue, LabelJoinError, type LabelRecord } from './label-join.ts';
export { AGE_BUCKETS, labelCoverage, type CoverageCount, type LabelCoverage } from './label-coverage.ts';
export { FEEDBACK_METRICS, feedbackReport, type FeedbackInput, type FeedbackMetric, type FeedbackReport, type SliceBelowFloor, type SliceFloor } from './feedback-report.ts';
export { shadowReport, type Costs, type Disagreement, type ShadowInput, type ShadowReport, type SwitchingCost } from './shadow-report.ts';
export { judgeTriggers, parseTriggers, TRIGGER_METRICS, TriggerSchema, type RollbackTrigger, type TriggerMetric, type TriggerVerdict } from './rollback-trigger.ts';
export { snapshotLabels, type CsvTable, type SnapshotLabelSource, type SnapshotLabels } from './snapshot-labels.ts';
export { bundlePromise, shadowCase, shadowLiveFigures, type ShadowCase, type ShadowCaseInput, type ShadowSide } from './shadow-case.ts';
