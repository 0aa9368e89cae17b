import { describe, expect, test } from 'vitest';
import { binaryReport, thresholdSweep, type ScoredRows } from '../core/index.ts';
import { EvaluateClient } from './evaluate-client.ts';
import { PAGE_SORT_ROWS, SortedSweeps } from './sorted-sweeps.svelte.ts';
import { WorkerCrash } from './worker-client.ts';

/** Rows with `n` scores: every third row positive, scores i/n (so ties never occur). */
function rows(n: number): ScoredRows {
  return { rows: Int32Array.from({ length: n }, (_, i) => i), scores: Float64Array.from({ length: n }, (_, i) => i / n), labels: Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)) };
}

/** A SortedSweeps whose evaluate worker is an in-process one answering like evaluate.worker.ts, counting its sorts. */
function withFakeWorker(fail = false, crashes = 0): { sorts: SortedSweeps; calls: () => number } {
  const client = new EvaluateClient();
  let calls = 0;
  const api = {
    sortScores: async (scores: Float64Array, labels: Uint8Array) => {
      calls++;
      if (calls <= crashes) throw new WorkerCrash('The evaluate worker stopped (out of memory)');
      if (fail) throw new Error('score at row 3 is NaN; metrics need a number for every row');
      const sweep = thresholdSweep(scores, labels);
      return { sweep, base: binaryReport(scores, labels, 0.5, sweep) };
    },
  };
  client.call = (async (fn: (a: typeof api) => Promise<unknown>) => fn(api)) as unknown as typeof client.call;
  return { sorts: new SortedSweeps(client), calls: () => calls };
}

describe('SortedSweeps', () => {
  test(`a split of at most ${PAGE_SORT_ROWS} rows is sorted on the page at once, and only once`, () => {
    const { sorts, calls } = withFakeWorker();
    const small = rows(300);
    const first = sorts.of(small);
    expect(first?.sweep.thresholds.length).toBe(300);
    expect(first?.base.roc_auc).toBe(binaryReport(small.scores, small.labels, 0.5).roc_auc);
    expect(sorts.of(small)).toBe(first);
    expect(calls()).toBe(0);
  });

  test('a large split is sorted in the worker: null until it lands, then the same object on every read, one request in all', async () => {
    const { sorts, calls } = withFakeWorker();
    const large = rows(PAGE_SORT_ROWS + 1);
    expect(sorts.of(large)).toBeNull();
    expect(sorts.of(large)).toBeNull();
    const got = await sorts.get(large);
    expect(calls()).toBe(1);
    expect(sorts.of(large)).toBe(got);
    expect(got.sweep.nPos + got.sweep.nNeg).toBe(PAGE_SORT_ROWS + 1);
    expect(got.sweep.thresholds[0]).toBe(PAGE_SORT_ROWS / (PAGE_SORT_ROWS + 1));
  });

  test('a split the worker cannot sort gives its message, and is not asked again', async () => {
    const { sorts, calls } = withFakeWorker(true);
    const large = rows(PAGE_SORT_ROWS + 1);
    expect(sorts.of(large)).toBeNull();
    await expect(sorts.get(large)).rejects.toThrow('score at row 3 is NaN');
    expect(sorts.failure(large)).toBe('score at row 3 is NaN; metrics need a number for every row');
    expect(sorts.of(large)).toBeNull();
    expect(calls()).toBe(1);
  });

  test('a sort lost to a crashed worker is asked once more (the client restarts it); a second crash is a failure', async () => {
    const once = withFakeWorker(false, 1);
    const large = rows(PAGE_SORT_ROWS + 1);
    await expect(once.sorts.get(large)).rejects.toThrow('stopped');
    expect(once.sorts.failure(large)).toBeNull();
    const got = await once.sorts.get(large);
    expect(got.sweep.nPos + got.sweep.nNeg).toBe(PAGE_SORT_ROWS + 1);
    expect(once.calls()).toBe(2);

    const twice = withFakeWorker(false, 2);
    await expect(twice.sorts.get(large)).rejects.toThrow('stopped');
    await expect(twice.sorts.get(large)).rejects.toThrow('stopped');
    expect(twice.sorts.failure(large)).toBe('The evaluate worker stopped (out of memory)');
    expect(twice.sorts.of(large)).toBeNull();
    expect(twice.calls()).toBe(2);
  });
});
