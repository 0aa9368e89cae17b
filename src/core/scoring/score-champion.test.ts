import { describe, expect, test } from 'vitest';
import type { InferenceContract } from '../bundle/inference-contract.ts';
import type { Column } from '../data/column.ts';
import type { Preprocessing } from '../features/preprocessing.ts';
import { scoreChampion } from './score-champion.ts';
import type { ScoringBundle } from './scoring-bundle.ts';

// Same pipeline as the batch-scorer test: inputs [x, x__missing, c=a, c=b, c=__other__],
// z = x/2 + 0·m + 2·[a] − 1·[b] + 0.5·[other] − 0.5, with a missing x imputed by the median 1.
const PRE: Preprocessing = {
  format: 1,
  steps: [
    { kind: 'numeric', column: 'x', median: 1, mean: 0, scale: 2, missingIndicator: true },
    { kind: 'categorical', column: 'c', categories: ['a', 'b'] },
  ],
  outputNames: ['x', 'x__missing', 'c=a', 'c=b', 'c=__other__'],
};

const CONTRACT: InferenceContract = {
  format: 1, model_version: 'champ', task: 'binary', label: 'y', positive_class: 'yes', classes: ['no', 'yes'], threshold: 0.5,
  missing_tokens: ['', 'NA'], entity_key: null, pii_columns: ['x'],
  columns: [
    { name: 'x', type: 'numeric', training_range: { min: 0, max: 10 }, missing_in_training: true, on_missing: 'median' },
    { name: 'c', type: 'categorical', categories: ['a', 'b'], encoded_categories: ['a', 'b'], missing_in_training: false, on_unseen: 'other', on_missing: 'zeros' },
  ],
  calibration: [],
};

const BUNDLE: ScoringBundle = {
  id: 'bundle-champ', preprocessing: PRE, contract: CONTRACT, reference: null,
  model: { layers: [{ inputs: 5, units: 1, kernel: Float64Array.of(1, 0, 2, -1, 0.5), bias: Float64Array.of(-0.5), activation: 'sigmoid' }] },
};

// x arrives as text in this snapshot (one cell is "abc"), so the contract's numeric type is checked cell by cell.
const categorical = (name: string, cells: readonly (string | null)[]): Column => {
  const categories = [...new Set(cells.filter((c): c is string => c !== null))];
  return { name, type: 'categorical', codes: Int32Array.from(cells, (c) => (c === null ? -1 : categories.indexOf(c))), categories, missing: cells.filter((c) => c === null).length, distinct: categories.length };
};
const SNAPSHOT = {
  fileName: 'current.csv',
  columns: [
    categorical('x', ['4', null, '12', 'abc', '2']),
    categorical('c', ['a', 'b', 'z', 'a', 'b']),
    { name: 'y', type: 'numeric', values: Float64Array.of(1, 0, 0, 1, 0), missing: 0, distinct: 2 } satisfies Column,
  ],
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('scoreChampion', () => {
  test('scores the run\'s test rows with the champion\'s pipeline, rejecting wrong types with the cell masked for PII', () => {
    const result = scoreChampion(BUNDLE, SNAPSHOT, { rows: Int32Array.of(4, 0, 3, 2), labels: Uint8Array.of(0, 1, 1, 0) });
    expect(result.bundleId).toBe('bundle-champ');
    expect([...result.test.rows]).toEqual([4, 0, 2]);
    expect([...result.test.labels]).toEqual([0, 1, 0]);
    // Row 4: x=2, b → 1 − 1 − 0.5; row 0: x=4, a → 2 + 2 − 0.5; row 2: x=12 (out of range), z unseen → 6 + 0.5 − 0.5.
    expect(result.test.scores[0]).toBeCloseTo(sigmoid(-0.5), 12);
    expect(result.test.scores[1]).toBeCloseTo(sigmoid(3.5), 12);
    expect(result.test.scores[2]).toBeCloseTo(sigmoid(6), 12);
    expect(result.rejectedRows).toBe(1);
    expect(result.flaggedRows).toBe(1);
    expect(result.issues).toEqual({ wrong_type: 1, out_of_range: 1, unseen_category: 1, unexpected_missing: 0, ragged_row: 0 });
    expect(result.rejects).toEqual([{ row: 4, column: 'x', kind: 'wrong_type', value: '*** (3 characters)' }]);
  });

  test('a missing cell is imputed with the champion\'s median', () => {
    const result = scoreChampion(BUNDLE, SNAPSHOT, { rows: Int32Array.of(1), labels: Uint8Array.of(0) });
    expect(result.test.scores[0]).toBeCloseTo(sigmoid(0.5 - 1 - 0.5), 12);
  });

  test('a column the champion needs that the snapshot lacks stops with one line naming it', () => {
    const snapshot = { fileName: 'current.csv', columns: SNAPSHOT.columns.filter((c) => c.name !== 'c') };
    expect(() => scoreChampion(BUNDLE, snapshot, { rows: Int32Array.of(0), labels: Uint8Array.of(0) }))
      .toThrow('current.csv lacks the column "c" that champion bundle-champ needs; nothing was scored');
  });
});
