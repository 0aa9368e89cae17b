import { describe, expect, test } from 'vitest';
import type { Snapshot } from '../core/index.ts';
import { copySnapshotInSteps, snapshotBuffers } from './protocol.ts';

describe('copySnapshotInSteps', () => {
  test('copies every column into buffers of its own (transferable without detaching the page\'s snapshot)', async () => {
    const snapshot = {
      id: 'abc', fileName: 'x.csv', rowCount: 3,
      columns: [
        { name: 'x', type: 'numeric', values: Float64Array.of(1, NaN, 3), missing: 1, distinct: 2 },
        { name: 'c', type: 'categorical', codes: Int32Array.of(0, 1, -1), categories: ['a', 'b'], missing: 1, distinct: 2 },
      ],
    } as unknown as Snapshot;
    const copy = await copySnapshotInSteps(snapshot);
    expect(copy).toEqual(snapshot);
    const mine = snapshotBuffers(snapshot);
    for (const buffer of snapshotBuffers(copy)) expect(mine).not.toContain(buffer);
  });
});
