/** Row indices (ascending) of the three splits. */
export interface Split {
  readonly train: Int32Array;
  readonly validation: Int32Array;
  readonly test: Int32Array;
}

/** How a split is made (the seed lives in the run config); recorded in config and bundles so it can be replayed. */
export interface SplitConfig {
  readonly policy: 'stratified-random';
  /** Fractions for train, validation and test; they sum to 1. */
  readonly fractions: readonly [number, number, number];
}

export const DEFAULT_SPLIT: SplitConfig = { policy: 'stratified-random', fractions: [0.6, 0.2, 0.2] };
