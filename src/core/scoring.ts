// Entry point for hosts that score a bundle (CLI, workers, benchmarks); kept apart from index.ts because scoring loads
// the model through tfjs, and the page bundle and every other CLI command must not pull tfjs in.
export { openScoringBundle, type ScoringBundle } from './scoring/scoring-bundle.ts';
export { BatchScorer, ScoringStopped, type ScoringProgress, type ScoredText } from './scoring/batch-scorer.ts';
export { quietTfjs } from './models/quiet-tfjs.ts';
export { loadDenseStack, predictDense, type DenseStack } from './models/dense-stack.ts';
export { scoreChampion, type ChampionScores, type ChampionReject } from './scoring/score-champion.ts';
export { ShadowScorer, SHADOW_POLICY } from './scoring/shadow-scorer.ts';
