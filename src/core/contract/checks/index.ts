// Public surface of the contract checks: validation against the contract and leakage checks before training.
export { validateContract } from './validate-contract.ts';
export { seedRules, seededNullRate, MAX_SEEDED_CATEGORIES } from './seed-rules.ts';
export { checkRequiredColumns, requiredColumns } from './check-required-columns.ts';
export { checkNullRates } from './check-null-rates.ts';
export { checkRanges } from './check-ranges.ts';
export { checkAllowedValues } from './check-allowed-values.ts';
export { checkDuplicateKeys } from './check-duplicate-keys.ts';
export { checkMissingKeys } from './check-missing-keys.ts';
export { checkLabel } from './check-label.ts';
export { leakageChecks, type LeakageInput } from './leakage-checks.ts';
export { checkSingleFeaturePower, LEAK_FAIL_AUC, LEAK_WARN_AUC, TARGET_MEAN_FOLDS } from './check-single-feature.ts';
export { checkIdLikeColumns, isIdLike, ORDER_AUC_WARN, ID_DISTINCT_SHARE } from './check-id-like.ts';
export { checkFutureDates } from './check-future-dates.ts';
export { checkEntityOverlap } from './check-entity-overlap.ts';
export { checkDuplicatesAcrossSplits } from './check-duplicates-across-splits.ts';
export { crossSplitGroups, splitMembership, type CrossSplitGroups } from './cross-split-groups.ts';
export { assignFolds, medianImputed, outOfFoldTargetMean, singleFeatureAuc, withinFoldAuc, TARGET_MEAN_SMOOTHING, type FeaturePower } from './feature-power.ts';
