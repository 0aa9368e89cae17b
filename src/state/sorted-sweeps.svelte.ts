import { binaryReport, errorText, thresholdSweep, type BinaryReport, type ScoredRows, type Sweep } from '../core/index.ts';
import type { EvaluateClient } from './evaluate-client.ts';
import { WorkerCrash } from './worker-client.ts';

/** A split's exact sweep (distinct scores descending with tp/fp) and its threshold-free metrics. */
export interface SortedRows {
  readonly sweep: Sweep;
  readonly base: BinaryReport;
}

/**
 * Below this many rows the page sorts the scores itself (a few ms, and the numbers show without a worker round
 * trip); above it the evaluate worker sorts them, so the page never spends a long task on a split (~50 ms at 200k).
 */
export const PAGE_SORT_ROWS = 20_000;

/**
 * The sweep and base report of each run split the page shows, made once per rows object: small splits here, large
 * ones in the evaluate worker (its arrays transferred back). `of` answers null until the worker's answer lands and
 * is reactive: a Svelte derived reading it reruns then.
 */
export class SortedSweeps {
  readonly #client: EvaluateClient;
  readonly #done = new WeakMap<ScoredRows, SortedRows>();
  readonly #asked = new WeakMap<ScoredRows, Promise<SortedRows>>();
  readonly #failed = new WeakMap<ScoredRows, string>();
  // Rows whose sort was lost once to a crashed worker: asked once more (the client restarts the worker), then failed.
  readonly #crashed = new WeakSet<ScoredRows>();
  // Bumped when an answer lands, so derived values that read `of` recompute.
  #landed = $state(0);

  constructor(client: EvaluateClient) {
    this.#client = client;
  }

  /** The rows' sweep and base report, or null while the worker sorts them (or when it could not: see `failure`). */
  of(rows: ScoredRows): SortedRows | null {
    void this.#landed;
    const done = this.#done.get(rows);
    if (done) return done;
    if (rows.scores.length <= PAGE_SORT_ROWS) return this.#keep(rows, sortHere(rows));
    // A failed sort is not asked again: the answer would be the same message, and each landing reruns this.
    if (!this.#asked.has(rows)) void this.get(rows).catch(() => {});
    return null;
  }

  /** Why the worker could not sort these rows (a NaN score, a bad label), or null. */
  failure(rows: ScoredRows): string | null {
    void this.#landed;
    return this.#failed.get(rows) ?? null;
  }

  /** The rows' sweep and base report, sorted in the worker when large; rejects with the core's message when they cannot be. */
  get(rows: ScoredRows): Promise<SortedRows> {
    const done = this.#done.get(rows);
    if (done) return Promise.resolve(done);
    if (rows.scores.length <= PAGE_SORT_ROWS) return Promise.resolve(this.#keep(rows, sortHere(rows)));
    let asked = this.#asked.get(rows);
    if (!asked) {
      asked = this.#client.call((api) => api.sortScores(rows.scores, rows.labels)).then(
        (sorted) => { this.#keep(rows, sorted); this.#landed++; return sorted; },
        (e: unknown) => {
          if (e instanceof WorkerCrash && !this.#crashed.has(rows)) {
            this.#crashed.add(rows);
            this.#asked.delete(rows);
          } else {
            this.#failed.set(rows, errorText(e));
          }
          this.#landed++;
          throw e;
        },
      );
      this.#asked.set(rows, asked);
    }
    return asked;
  }

  #keep(rows: ScoredRows, sorted: SortedRows): SortedRows {
    this.#done.set(rows, sorted);
    return sorted;
  }
}

function sortHere(rows: ScoredRows): SortedRows {
  const sweep = thresholdSweep(rows.scores, rows.labels);
  return { sweep, base: binaryReport(rows.scores, rows.labels, 0.5, sweep) };
}
