import { describe, expect, test } from 'vitest';
import type { InferenceContract } from '../bundle/inference-contract.ts';
import { LabelJoinError } from './label-join.ts';
import { eventAgeDays, scoredFeedback, sliceFloors } from './scored-feedback.ts';

const CONTRACT = {
  format: 1, model_version: 'm', task: 'binary', label: 'survived', positive_class: '1', classes: ['0', '1'], threshold: 0.5,
  missing_tokens: ['', 'NA'], entity_key: null, pii_columns: [], columns: [], calibration: [],
} as const satisfies InferenceContract;

// Scored rows 1, 2, 4, 5, 6 (row 3 was rejected), with their cells.
const COLLECTED = {
  rows: [1, 2, 4, 5, 6], scores: [0.9, 0.8, 0.7, 0.2, 0.1],
  cells: { id: ['a', 'b', 'd', 'e', 'f'], sex: ['f', 'm', 'f', 'm', 'm'], survived: ['1', '0', 'NA', '0', '1'], at: ['2026-01-31', '2026-01-30', '2026-01-10', '2025-12-01', 'soon'] },
};

describe('feedback of a scored snapshot', () => {
  test('its own label column: missing labels are counted as not arrived, metrics on the four labelled rows', () => {
    const r = scoredFeedback(COLLECTED, CONTRACT, { labels: null, key: null, time: null }, { recall: 0.5 }, [], 0);
    expect(r.labels_from).toBe('column survived');
    expect(r.coverage).toMatchObject({ rows: 5, labelled: 4, unlabelled: 1 });
    // Labelled: .9/1 tp, .8/0 fp, .2/0 tn, .1/1 fn → recall 1/2, precision 1/2.
    expect(r.realised).toMatchObject({ tp: 1, fp: 1, tn: 1, fn: 1, recall: 0.5, precision: 0.5 });
    expect(r.change.recall).toBe(0);
  });

  test('a later labels file joined by key, with ages from the event time, and the slice under its floor', () => {
    const labels = { name: 'labels.csv', header: ['id', 'survived'], rows: [['b', '1'], ['a', '1'], ['f', '0'], ['zz', '1']] };
    const floors = [{ id: 'recall-by-sex', column: 'sex', metric: 'recall' as const, min: 0.9, minRows: 1 }];
    const r = scoredFeedback(COLLECTED, CONTRACT, { labels, key: 'id', time: null }, {}, floors, 0);
    expect(r.coverage).toMatchObject({ rows: 5, labelled: 3, unlabelled: 2 });
    // a .9/1 tp, b .8/1 tp, f .1/0 tn.
    expect(r.realised).toMatchObject({ tp: 2, fp: 0, tn: 1, fn: 0 });
    expect(r.slices_below_floor).toEqual([]);
    const aged = scoredFeedback(COLLECTED, CONTRACT, { labels: null, key: null, time: 'at' }, {}, [], 0);
    expect(aged.coverage.by_age?.map((b) => [b.age, b.rows, b.labelled])).toEqual([['0-7d', 2, 2], ['7-30d', 1, 0], ['30-90d', 1, 1], ['90d+', 0, 0]]);
    expect(aged.coverage.unknown_age).toMatchObject({ rows: 1, labelled: 1 });
  });

  test('a labels file without the key column, or a key the job did not keep, is refused naming it', () => {
    const labels = { name: 'late.csv', header: ['passenger', 'survived'], rows: [] };
    expect(() => scoredFeedback(COLLECTED, CONTRACT, { labels, key: 'id', time: null }, {}, [], 0)).toThrow(new LabelJoinError('late.csv has no column "id" (key)'));
    expect(() => scoredFeedback(COLLECTED, CONTRACT, { labels, key: 'passenger', time: null }, {}, [], 0)).toThrow('the scored snapshot has no column "passenger" (key)');
  });

  test('ages are days before the newest time; slice floors come from gates.json', () => {
    expect(eventAgeDays(['2026-01-31', '2026-01-01', '', '1767225600'])).toEqual([0, 30, NaN, 30]);
    const gates = { spec: { version: 1, gates: [{ id: 's', kind: 'slice', column: 'sex', metric: 'recall', min: 0.6, minRows: 30 }, { id: 'a', kind: 'metric', metric: 'roc_auc', bound: 'min', value: 0.8 }] } };
    expect(sliceFloors(gates)).toEqual([{ id: 's', column: 'sex', metric: 'recall', min: 0.6, minRows: 30 }]);
    expect(sliceFloors(null)).toEqual([]);
  });
});
