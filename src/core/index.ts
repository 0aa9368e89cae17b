// The public face of the core: workers, the CLI and tests import from here, not from deep paths.
export { createRandom, DEFAULT_SEED, deriveSeed, type Random, shuffleInPlace } from './random.ts';
export { errorText } from './error-text.ts';
export { percent } from './percent.ts';
export { plural } from './plural.ts';
export { DEFAULT_LOGISTIC, type LogisticHyperparameters } from './models/logistic-hyperparameters.ts';
export type { ClassWeight } from './models/class-weights.ts';
export { createRunConfig, isMulticlass, type ModelKind, type RunConfig, type RunOptions, type Task } from './config.ts';
export {
  DEFAULT_MLP, MLP_MAX_LAYERS, MLP_MAX_UNITS, type MlpHyperparameters, validateMlp,
} from './models/mlp-hyperparameters.ts';
export {
  type CategoricalColumn, cellText, type Column, columnLength, type ColumnType, type DatetimeColumn, hasValues,
  type NumericColumn, type ParseNotes, type ValuesColumn,
} from './data/column.ts';
export { columnByName, shortId, type Snapshot, snapshotSummary } from './data/snapshot.ts';
export { sha256Hex } from './data/sha256.ts';
export { fail, type LoadError, LoadFailure, type LoadLocation } from './data/load-error.ts';
export { asLoadResult, CHUNK_BYTES, DEFAULT_MISSING_TOKENS, type LoadResult, type ParseOptions } from './data/parse-csv.ts';
export { CsvIngest, MAX_RECORD_CHARS } from './data/csv-ingest.ts';
export type { ColumnProfiler } from './data/column-profile.ts';
export { loadCsv, profilingIngest } from './load/load-csv.ts';
export { type Contract, createContract, toRunContract } from './contract/contract.ts';
export {
  defaultLabel, defaultPositiveClass, type LabelClass, labelClasses, MAX_DEFAULT_LABEL_CLASSES,
  minPositiveSupport, tinyClasses,
} from './contract/label-classes.ts';
export { encodeClasses, type EncodedClasses, MAX_CLASSES } from './contract/encode-classes.ts';
export { classTargets, type EncodedLabel, encodeLabel, splitStrata } from './contract/encode-label.ts';
export {
  type ColumnRule, columnsWithRole, type DataContract, type Dismissal, type LabelTiming, type Role, ROLES,
  withheldColumns,
} from './contract/data-contract.ts';
export type { CheckStatus, Finding } from './contract/finding.ts';
export {
  contractIssueMessage, DataContractSchema, extraLabels, parseDataContract,
} from './contract/contract-schema.ts';
export { createDataContract, defaultSplit, type ProposedRole, reviseContract } from './contract/default-contract.ts';
export {
  blockingFindings, type ChecksReport, openFindings, type RecordedFinding, recordFindings, runChecks,
} from './contract/run-checks.ts';
export { completeContract, PartialContractSchema } from './contract/complete-contract.ts';
export { type RoleSuggestion, suggestRoles } from './contract/suggest-roles.ts';
export {
  assignFolds, aucLowerBound, bestBalancedAccuracy, checkAllowedValues, checkCategoryValues, checkDuplicateKeys,
  checkDuplicatesAcrossSplits, checkEntityOverlap, checkFutureDates, checkIdLikeColumns, checkLabel,
  checkMissingKeys, checkNullRates, checkOutcomePatterns, checkRanges, checkRequiredColumns,
  checkSingleFeaturePower, classCount, type ClassTarget, COPY_AUC_GAP, COPY_BALANCED_ACCURACY, crossSplitGroups,
  type CrossSplitGroups, DUPLICATE_ALPHA, FAIL_AUC_LOWER, type FeaturePower, ID_DISTINCT_SHARE, isIdLike,
  judgeableTargets, LEAK_FAIL_AUC, LEAK_WARN_AUC, leakageChecks, type LeakageInput, MAX_SCREEN_ROWS,
  MAX_SEEDED_CATEGORIES, medianImputed, MIN_CLASS_ROWS, MIN_PATTERN_SUPPORT, ORDER_AUC_WARN, outcomeWord,
  outOfFoldTargetMean, PATTERN_LIFT, PATTERN_PURITY, REGION_LIFT, requiredColumns, seededNullRate, seedRules,
  singleFeatureAuc, splitMembership, TARGET_MEAN_FOLDS, TARGET_MEAN_SMOOTHING, validateContract, withinFoldAuc,
} from './contract/checks/index.ts';
export {
  type CodeCounts, columnFlags, type ColumnProfile, countCodes, detectPii, ENTITY_WORDS, entityCandidate,
  type EntityCandidate, eventTimeScore, type FlagFacts, grouped, hasToken, headerTokens, histogram,
  type HistogramBin, ID_MIN_ROWS, ID_WORDS, isEmail, isFreeText, isPersonName, isPhone, isUnique,
  type KindEvidence, MAX_BINS, MAX_EXAMPLES, MAX_SAMPLE, PII_VALUE_SHARE, profileColumn,
  type ProfileFlag, type ProfileFlagKind, profileKind, type ProfileKind, profileSnapshot, quantiles,
  type Quantiles, quantileSorted, rowList, sampleTexts, shareMatching,
  summarizeValues, textShape, type TextShape, TOP_VALUES, type TopValue, topValues, type ValueSummary,
} from './profile/index.ts';
export { DEFAULT_SPLIT, type Split, type SplitConfig, type SplitFractions } from './split/split.ts';
export { stratifiedSplit } from './split/stratified-split.ts';
export { groupSplit } from './split/group-split.ts';
export { timeSplit, type TimeSplit } from './split/time-split.ts';
export { defaultTimeCuts } from './split/default-time-cuts.ts';
export { makeSplit, type SplitResult } from './split/make-split.ts';
export {
  type SplitPartSummary, type SplitSummary, summarizeSplit, trainingClassesBlocker, trainingPartBlocker,
} from './split/split-summary.ts';
export { describeSplit, randomSplitLeakWarning } from './split/describe-split.ts';
export {
  type CategoricalStep, type FeatureStep, type NumericStep, type Preprocessing, stepOutputNames,
} from './features/preprocessing.ts';
export { fitPreprocessing, MAX_CATEGORIES } from './features/fit-preprocessing.ts';
export { transform } from './features/transform.ts';
export {
  averagePrecision, averagePrecisionFromSweep, type Averages, type BinaryCi, binaryReport, type BinaryReport,
  bootstrapBinary, type BootstrapOptions, type BootstrapResult, brier, type Calibration, CALIBRATION_BIN_COUNT,
  type CalibrationBin, calibrationBins, checkBinaryInputs, checkProbabilities, checkThreshold, type CiMetric,
  type ClassMetrics, type Confusion, confusionAt, confusionAtPoint, confusionMatrix, type Interval,
  isProbabilities, LOG_LOSS_EPS, logLoss, multiclassReport, type MulticlassReport, pairedBootstrap,
  type PairedBootstrapResult, type PairedDelta, pointsAtOrAbove, prCurve, type PrCurve, rates, type Rates,
  readConfusion, reportAt, rocAuc, rocAucFromSweep, rocCurve, type RocCurve, type Sweep, thresholdFields,
  thresholdSweep,
} from './metrics/index.ts';
export {
  chooseThreshold, type ChosenThreshold, classFromScoreColumn, type Cluster, type ComparedRun, compareRuns,
  type Comparison, describeStrategy, errorClusters, type ErrorClusters, errorLists, type ErrorLists,
  type ErrorRow, evaluationReport, type EvaluationReport, expectedCost, type IntervalFn, MAX_CATEGORY_SLICES,
  MIN_CLUSTER_SHARE, MIN_CLUSTER_SUPPORT, MIN_SLICE_ROWS, MISSING_LABEL, nextUp, nullable, type OperatingPoint,
  operatingPoints, OTHER_LABEL, type OverallMetrics, pick, readScoresTable, regressionFixtureCsv,
  type ReportRequest, type RunToCompare, type ScoredRows, scoreHistogram, type ScoreHistogram, type ScoresTable,
  ScoresTableError, type ScoresTableSpec, type SliceComparisonRow, type SliceRow, type SliceSpec, sliceTable,
  type SliceTable, sliceValues, type SliceValues, splitScoredRows, suggestedPiiColumns, sweepTable,
  type SweepTable, thinIndices, type ThresholdStrategy,
} from './evaluation/index.ts';
export {
  type OptimizerReport, type ScoredSplit, type TrainOutcome, type TrainProgress,
} from './train/train-outcome.ts';
export { createRunRecord, type RunRecord } from './train/run-record.ts';
export { canonicalJson, jsonBytes } from './canonical-json.ts';
export {
  buildCompact, COMPACT_FIELDS, type CompactField, compactJson, type CompactKey, compactMarkdown,
} from './bundle/compact.ts';
export { compactPrefill, describeConvergence, describeModel, isBaselineModel, type CompactContext } from './bundle/compact-prefill.ts';
export {
  type AppInfo, buildBundle, type Bundle, bundleConfig, bundleId, type BundleInput, rawValueFiles,
  type RawValuesEntry, zipBundle, type HostDeflate,
} from './bundle/build-bundle.ts';
export {
  bundleEvaluation, type BundleEvaluationSettings, type EvaluatedOutcome, bundlePiiColumns, bundleRun, type BundleRunInput,
} from './bundle/bundle-run.ts';
export { scoresCsv } from './bundle/scores-csv.ts';
export {
  type ActiveBackend, type BackendName, type BackendPreference, BACKENDS, isBackendPreference,
} from './models/backend-name.ts';
export { csvCell } from './data/csv-cell.ts';
export { readBundle, bundleSummary, BundleError, DEFAULT_BUNDLE_LIMITS, FORMAT_1_FILES, FORMAT_2_FILES, FORMAT_2_OPTIONAL_FILES, type OpenedBundle, type BundleSummary, type BundleRefusal, type BundleLimits } from './bundle/open-bundle.ts';
export { multiclassTopLevel, reportTopLevel, type MulticlassShaped, type MulticlassTopLevel } from './evaluation/report-top-level.ts';
export { byColumn } from './contract/by-column.ts';
export { reportHtml } from './bundle/report-html.ts';
export { modelCard } from './bundle/model-card.ts';
export { environmentFile, BUNDLE_FORMAT } from './bundle/environment.ts';
export { parityFile, type ParityFile, type ParityRow } from './bundle/parity.ts';
export { escapeHtml } from './bundle/html.ts';
export { type ReportData } from './bundle/report-data.ts';
export { inferenceContract, type InferenceContract, type InferenceColumn } from './bundle/inference-contract.ts';
export { referenceProfile, type ReferenceProfile } from './drift/reference-profile.ts';
export { driftReport, DEFAULT_DRIFT_LEVELS, type DriftReport, type DriftLevels, type FeatureDrift } from './drift/drift-report.ts';
export { psi, psiEdges, binCounts } from './drift/psi.ts';
export { ksTwoSample } from './drift/ks.ts';
export { chiSquareTwoSample } from './drift/chi-square.ts';
export { unzipBundle } from './scoring/bundle-zip.ts';
export { DEFAULT_ISSUE_POLICY, parseIssuePolicy, ISSUE_KINDS, type IssuePolicy, type IssueKind } from './scoring/validation-policy.ts';
export {
  GATE_METRICS, PAIRED_METRICS, SLICE_METRICS, EMPTY_GATE_SPEC, GateSpecSchema, GatesSectionSchema, parseGateSpec, evaluateGates, collectEvidence,
  gateFindings, EMPTY_GATES, lockGates, editGates, gatesFile, gatedRun, judgeRun, recheckBundle,
  type Gate, type GateMetric, type GateSpec, type GateChange, type GatesSection, type PairedMetric, type SliceMetric, type GateEvidence,
  type GateFinding, type GateSliceRow, type Observed, type GateReport, type GateVerdict, type EvidenceInput, type GatedRun, type GatesFile,
  type JudgeInput, type BundleRecheck,
} from './gates/index.ts';
export {
  inputNames, columnGroups, lrCoefficients, permutationImportance, scoringLatency, modelReliance,
  type InputName, type NamedCoefficient, type ColumnImportance, type PermutationImportance, type ImportanceInput, type ScoringLatency,
  type ModelReliance, type RelianceInput,
} from './reliance/index.ts';
export {
  appendEntry, appendOnlyViolation, describeChanges, jsonChanges, diffEntries, DECISION_LABELS, LEDGER_DECISIONS, escapeMarkdown, ledgerJson,
  ledgerMarkdown, prefillLedgerEntry, pickLedgerRuns,
  type ValueChange, type EntryChange, type LedgerDecision, type LedgerDraft, type LedgerEntry, type LedgerErrors, type LedgerGate,
  type LedgerMetricMove, type LedgerRun, type LedgerSliceMove, type LedgerPrefillInput,
} from './ledger/index.ts';
export { candidateSignals, evalSlices, featureCoefficients, type FeatureImportance } from './bundle/compact-signals.ts';
export { parityMatrix, compareParity, type ParityVerdict } from './bundle/parity-check.ts';
export type { BundleMetrics, EnvironmentFile, ParityFileJson } from './bundle/bundle-schemas.ts';
export {
  joinLabels, labelValue, LabelJoinError, AGE_BUCKETS, labelCoverage, FEEDBACK_METRICS, feedbackReport, shadowReport, judgeTriggers, parseTriggers,
  TRIGGER_METRICS, TriggerSchema,
  type LabelRecord, type CoverageCount, type LabelCoverage, type FeedbackInput, type FeedbackMetric, type FeedbackReport, type SliceBelowFloor,
  type SliceFloor, type Costs, type Disagreement, type ShadowInput, type ShadowReport, type SwitchingCost, type RollbackTrigger,
  type TriggerMetric, type TriggerVerdict,
} from './feedback/index.ts';
export { formatNumber, formatThreshold } from './format-number.ts';
export { outcomeNames, type OutcomeNames } from './metrics/outcome-names.ts';
export { describePolicy, policyCosts, type ComparisonCosts } from './evaluation/compare-runs.ts';
export { rollbackEntry, type RollbackChampion } from './ledger/index.ts';
export { snapshotLabels, bundlePromise, shadowCase, shadowLiveFigures, type CsvTable, type SnapshotLabelSource, type SnapshotLabels, type ShadowCase, type ShadowCaseInput, type ShadowSide } from './feedback/index.ts';
export { ledgerShadow, shadowEntry, type ShadowDecisionInput } from './feedback/shadow-entry.ts';
export { type LedgerShadow, type LedgerShadowBundle } from './ledger/index.ts';
export { className, renamedOutcomes } from './metrics/outcome-names.ts';
export { scoredFeedback, sliceFloors, eventAgeDays, type FeedbackSource, type LabelsTable } from './feedback/scored-feedback.ts';
export { type CollectedRows } from './scoring/batch-scorer.ts';
