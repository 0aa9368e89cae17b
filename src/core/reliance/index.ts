// What a model relies on: named coefficients, permutation importance, scoring latency.
export { inputNames, columnGroups, type InputName } from './input-names.ts';
export { lrCoefficients, type NamedCoefficient } from './lr-coefficients.ts';
export { permutationImportance, type ColumnImportance, type PermutationImportance, type ImportanceInput } from './permutation-importance.ts';
export { scoringLatency, type ScoringLatency } from './scoring-latency.ts';
export { modelReliance, type ModelReliance, type RelianceInput } from './model-reliance.ts';
