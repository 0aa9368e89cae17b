import { describe, expect, test } from 'vitest';
import type { Column } from '../data/column.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { compareRuns } from './compare-runs.ts';

// Column g: rows 0-3 hold the literal category "(missing)", rows 4-7 are missing cells. Both slices are labelled
// "(missing)", so their labels alone cannot tell them apart.
const g: Column = { name: 'g', type: 'categorical', codes: Int32Array.from([0, 0, 0, 0, -1, -1, -1, -1]), categories: ['(missing)'], missing: 4, distinct: 1 };
const snapshot: Snapshot = { id: 'x'.repeat(64), fileName: 't.csv', byteLength: 0, rowCount: 8, delimiter: ',', columns: [g], warnings: [] };
const rows = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
const labels = Uint8Array.from([1, 1, 0, 0, 1, 1, 0, 0]);
// At threshold 0.5: base finds both positives in the first slice and none in the second; the candidate the reverse.
const base = Float64Array.from([0.9, 0.8, 0.1, 0.2, 0.3, 0.4, 0.1, 0.2]);
const candidate = Float64Array.from([0.3, 0.4, 0.1, 0.2, 0.9, 0.8, 0.1, 0.2]);

describe('compareRuns slices', () => {
  test('two slices with the same label are matched by position, not both to the first', () => {
    const run = (id: string, scores: Float64Array) => ({ id, name: id, test: { rows, scores, labels }, validation: null, strategy: { kind: 'fixed' as const, value: 0.5 } });
    const c = compareRuns([run('base', base), run('cand', candidate)], 'base', { snapshot, bootstrap: null, slice: { columns: ['g'] } });
    const slice = c.slice?.rows ?? [];
    expect(slice.map((r) => r.key)).toEqual(['g=(missing)', 'g=(missing)']);
    expect(slice.map((r) => [r.metrics.base.recall, r.metrics.cand.recall])).toEqual([[1, 0], [0, 1]]);
  });
});
