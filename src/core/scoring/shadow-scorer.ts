import type { DriftAccumulator } from '../drift/drift-accumulator.ts';
import { BatchScorer, type ScoringProgress } from './batch-scorer.ts';
import { forEachRecord } from './csv-records.ts';
import { scoredHeader } from './score-columns.ts';
import type { ScoringBundle } from './scoring-bundle.ts';
import type { IssuePolicy } from './validation-policy.ts';

/**
 * Every row is compared: a cell either bundle would refuse is scored with its flag by both, so the two see the same
 * rows; only a ragged row (its fields cannot be trusted) is left out.
 */
export const SHADOW_POLICY: IssuePolicy = { wrong_type: 'flag', out_of_range: 'flag', unseen_category: 'flag', unexpected_missing: 'flag', ragged_row: 'reject' };

/** Scores of one bundle by row number (from 1), read back from its scored CSV text as it streams. */
class ScoreSink {
  readonly scores = new Map<number, number>();
  readonly #column: number;
  #header = true;

  constructor(bundle: ScoringBundle) {
    this.#column = scoredHeader(bundle.contract).indexOf('score');
  }

  add(text: string): void {
    if (!text) return;
    forEachRecord(text, ',', (fields) => {
      if (this.#header) {
        this.#header = false;
        return;
      }
      this.scores.set(Number(fields[0]), Number(fields[this.#column]));
    });
  }
}

/**
 * One pass over a snapshot scored by a champion and a candidate bundle: the same bytes go to both scorers (with the
 * shadow policy), each keeping its scores by row number; the candidate also counts drift when it has a reference profile.
 */
export class ShadowScorer {
  readonly champion: BatchScorer;
  readonly candidate: BatchScorer;
  readonly #a: ScoreSink;
  readonly #b: ScoreSink;

  constructor(champion: ScoringBundle, candidate: ScoringBundle, fileName: string) {
    if (champion.contract.task !== candidate.contract.task || champion.contract.positive_class !== candidate.contract.positive_class) {
      throw new Error(`the bundles do not predict the same thing (${champion.contract.task} "${champion.contract.positive_class}" vs ${candidate.contract.task} "${candidate.contract.positive_class}")`);
    }
    this.champion = new BatchScorer(champion, fileName, { policy: SHADOW_POLICY });
    this.candidate = new BatchScorer(candidate, fileName, { policy: SHADOW_POLICY, drift: candidate.reference !== null });
    this.#a = new ScoreSink(champion);
    this.#b = new ScoreSink(candidate);
  }

  /** Feeds the next bytes of the snapshot to both bundles. */
  push(chunk: Uint8Array): void {
    this.#a.add(this.champion.push(chunk).scored);
    this.#b.add(this.candidate.push(chunk).scored);
  }

  /** Scores what is left; call once after the last `push`. */
  finish(): void {
    this.#a.add(this.champion.finish().scored);
    this.#b.add(this.candidate.finish().scored);
  }

  /** The candidate's totals (both see the same rows; only their issue counts may differ). */
  get progress(): ScoringProgress {
    return this.candidate.progress;
  }

  get championScores(): ReadonlyMap<number, number> {
    return this.#a.scores;
  }

  get candidateScores(): ReadonlyMap<number, number> {
    return this.#b.scores;
  }

  /** The candidate's drift counts, or null when it has no reference profile. */
  get drift(): DriftAccumulator | null {
    return this.candidate.drift;
  }
}
