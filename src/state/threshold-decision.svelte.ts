import type { ChosenThreshold, ThresholdStrategy } from '../core/index.ts';

/** The threshold a subject starts at before any strategy is applied. */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * One subject's threshold and the choice that set it. The selected run and a scores file each own one, so a scores
 * file's threshold never reaches the run's bundle, nor the run's strategy the file's report.
 */
export class ThresholdDecision {
  threshold = $state(DEFAULT_THRESHOLD);
  /** The last chosen threshold with its strategy and inputs; null until a strategy is applied. */
  choice = $state.raw<ChosenThreshold | null>(null);

  /** Takes a chosen threshold (applied now, or restored from storage); null starts over at the default. */
  adopt(chosen: ChosenThreshold | null): void {
    this.choice = chosen;
    this.threshold = chosen?.threshold ?? DEFAULT_THRESHOLD;
  }

  /** The strategy the report uses: the applied choice, or a fixed threshold once the slider moved away from it. */
  activeStrategy(): ThresholdStrategy {
    const c = this.choice;
    return c && c.threshold === this.threshold ? c.strategy : { kind: 'fixed', value: this.threshold };
  }
}
