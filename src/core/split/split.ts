/** Row indices (ascending) of the three splits. */
export interface Split {
  readonly train: Int32Array;
  readonly validation: Int32Array;
  readonly test: Int32Array;
}

/** Fractions for train, validation and test; they sum to 1. */
export type SplitFractions = readonly [number, number, number];

/**
 * How a split is made (the seed lives in the run config); recorded in config and bundles so it can be replayed.
 * - stratified-random: each label class shuffled and cut by the fractions;
 * - group: whole entities (distinct values of `column`, the entity key) go to one split, by the fractions of entities;
 * - time: `column` is the event time (epoch ms); train is before `cuts[0]`, validation before `cuts[1]`, test the rest.
 */
export type SplitConfig =
  | { readonly policy: 'stratified-random'; readonly fractions: SplitFractions }
  | { readonly policy: 'group'; readonly column: string; readonly fractions: SplitFractions }
  | { readonly policy: 'time'; readonly column: string; readonly cuts: readonly [number, number] };

export const DEFAULT_SPLIT: SplitConfig = { policy: 'stratified-random', fractions: [0.6, 0.2, 0.2] };
