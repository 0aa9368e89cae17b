import { describe, expect, test } from 'vitest';
import { binaryReport } from '../metrics/binary-report.ts';
import { feedbackReport } from './feedback-report.ts';
import { labelCoverage } from './label-coverage.ts';
import { joinLabels, LabelJoinError, labelValue } from './label-join.ts';
import { judgeTriggers, parseTriggers } from './rollback-trigger.ts';
import { shadowReport } from './shadow-report.ts';

describe('delayed labels', () => {
  test('a joined labels file with missing keys: unmatched rows stay, as null', () => {
    const labels = [{ key: 'b', time: null, label: '1' }, { key: 'd', time: null, label: '0' }, { key: 'a', time: null, label: 'NA' }];
    expect(joinLabels(['a', 'b', 'c', 'd', 'e'], null, labels, 'labels.csv')).toEqual(['NA', '1', null, '0', null]);
  });

  test('with event times the join needs key and time to match', () => {
    const labels = [{ key: 'a', time: '2026-01-02', label: '1' }, { key: 'a', time: '2026-01-01', label: '0' }];
    expect(joinLabels(['a', 'a', 'a'], ['2026-01-01', '2026-01-02', '2026-01-03'], labels, 'l.csv')).toEqual(['0', '1', null]);
  });

  test('a repeated key is refused with both row numbers', () => {
    const labels = [{ key: 'a', time: null, label: '1' }, { key: 'b', time: null, label: '1' }, { key: 'a ', time: null, label: '0' }];
    expect(() => joinLabels(['a'], null, labels, 'labels.csv')).toThrow(new LabelJoinError('labels.csv row 3: key "a" repeats (first on row 1)'));
  });

  test('label cells: positive, other class, missing token, 1.0 for 1, and an unknown value named', () => {
    const read = (t: string) => labelValue(t, ['0', '1'], '1', ['NA'], 'labels.csv row 2');
    expect([read('1'), read('0'), read('NA'), read(''), read('1.0')]).toEqual([1, 0, null, null, 1]);
    expect(() => read('yes')).toThrow('labels.csv row 2: label "yes" is none of the bundle\'s classes (0, 1)');
  });

  test('coverage counts every row, and buckets them by age', () => {
    const has = [true, false, true, true, false, false];
    const ages = [1, 3, 10, 40, 100, NaN];
    const c = labelCoverage(has, ages);
    expect(c).toMatchObject({ rows: 6, labelled: 3, unlabelled: 3, share: 0.5 });
    expect(c.by_age?.map((b) => [b.age, b.rows, b.labelled])).toEqual([['0-7d', 2, 1], ['7-30d', 1, 1], ['30-90d', 1, 1], ['90d+', 1, 0]]);
    expect(c.unknown_age).toMatchObject({ rows: 1, labelled: 0 });
    expect(labelCoverage([], null)).toMatchObject({ rows: 0, share: null, by_age: null });
  });

  test('realised metrics on labelled rows only, next to the promise, and the slice under its floor', () => {
    // Labelled rows: scores .9/1, .8/0, .7/1, .2/0, .1/1; at 0.5: tp 2, fp 1, fn 1, tn 1 → precision 2/3, recall 2/3.
    const scores = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.2, 0.1]);
    const labels = [1, 0, 1, null, 0, 1] as const;
    const report = feedbackReport({
      scores, labels: [...labels], ageDays: null, threshold: 0.5, promised: { precision: 0.75, recall: 0.5, roc_auc: 0.9 }, seed: 1, resamples: 200,
      sliceCells: { sex: ['f', 'm', 'f', 'm', 'm', 'm'] },
      floors: [{ id: 'recall-by-sex', column: 'sex', metric: 'recall', min: 0.6, minRows: 2 }, { id: 'by-port', column: 'port', metric: 'recall', min: 0.5, minRows: 1 }],
    });
    expect(report.coverage).toMatchObject({ rows: 6, labelled: 5, unlabelled: 1 });
    expect(report.realised).toMatchObject({ n: 5, tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(report.realised?.precision).toBeCloseTo(2 / 3, 12);
    expect(report.change.precision).toBeCloseTo(2 / 3 - 0.75, 12);
    expect(report.change.recall).toBeCloseTo(2 / 3 - 0.5, 12);
    expect(report.promised.f1).toBeNull();
    expect(report.intervals?.recall.lo).not.toBeNull();
    // sex=f: .9/1 and .7/1 → recall 1; sex=m labelled: .8/0, .2/0, .1/1 → recall 0 < 0.6.
    expect(report.slices_below_floor).toEqual([{ gate: 'recall-by-sex', column: 'sex', value: 'm', metric: 'recall', min: 0.6, realised: 0, labelled_rows: 3 }]);
    expect(report.floors_not_judged).toEqual([{ gate: 'by-port', reason: 'the new data has no column "port"' }]);
    expect(report.realised?.roc_auc).toBe(binaryReport(Float64Array.from([0.9, 0.8, 0.7, 0.2, 0.1]), Uint8Array.from([1, 0, 1, 0, 1]), 0.5).roc_auc);
  });

  test('no label arrived: counted, and nothing realised', () => {
    const report = feedbackReport({ scores: Float64Array.from([0.3, 0.6]), labels: [null, null], ageDays: null, threshold: 0.5, promised: {}, floors: [], sliceCells: {}, seed: 1 });
    expect(report.coverage).toMatchObject({ rows: 2, labelled: 0, unlabelled: 2, share: 0 });
    expect(report.realised).toBeNull();
    expect(report.intervals).toBeNull();
  });
});

describe('shadow comparison', () => {
  const base = {
    rows: [1, 2, 3, 4], keys: null, championThreshold: 0.5, candidateThreshold: 0.4, seed: 3,
    champion: Float64Array.from([0.9, 0.45, 0.3, 0.6]), candidate: Float64Array.from([0.8, 0.45, 0.1, 0.35]),
  };

  test('disagreement rate overall and by slice, with the rows listed', () => {
    // Decisions: champion 1,0,0,1; candidate (t .4) 1,1,0,0 → rows 2 and 4 differ.
    const r = shadowReport({ ...base, labels: null, slices: ['a', 'a', 'b', 'b'], costs: null, maxListed: 1 });
    expect(r).toMatchObject({ rows: 4, disagreements: 2, disagreement_rate: 0.5, newly_positive: 1, newly_negative: 1, listed_capped: true });
    expect(r.by_slice).toEqual([{ value: 'a', rows: 2, disagreements: 1, rate: 0.5 }, { value: 'b', rows: 2, disagreements: 1, rate: 0.5 }]);
    expect(r.listed).toEqual([{ row: 2, champion_score: 0.45, candidate_score: 0.45, champion_decision: 0, candidate_decision: 1 }]);
    expect(r.paired).toBeNull();
  });

  test('switching cost at each model\'s threshold: expected from own scores, realised from labels', () => {
    const r = shadowReport({ ...base, labels: [1, 0, 0, 1], slices: null, costs: { fp: 1, fn: 5 } });
    // Expected, champion: .1·1 + .45·5 + .3·5 + .4·1 = 4.25; candidate: .2 + .55 + .1·5 + .35·5 = 3.0.
    expect(r.switching_cost?.expected.champion).toBeCloseTo(4.25, 12);
    expect(r.switching_cost?.expected.candidate).toBeCloseTo(3.0, 12);
    expect(r.switching_cost?.expected.change_per_row).toBeCloseTo(-1.25 / 4, 12);
    // Realised: champion makes no error (cost 0); candidate has FP on row 2 and FN on row 4: 1 + 5 = 6.
    expect(r.switching_cost?.realised).toEqual({ rows: 4, champion: 0, candidate: 6, change: 6, change_per_row: 1.5 });
    expect(r.paired?.labelled_rows).toBe(4);
    expect(r.paired?.delta.recall.estimate).toBeCloseTo(-0.5, 12);
  });

  test('no rows: rate undefined, nothing listed', () => {
    const r = shadowReport({ ...base, rows: [], champion: new Float64Array(0), candidate: new Float64Array(0), labels: null, slices: null, costs: null });
    expect(r).toMatchObject({ rows: 0, disagreements: 0, disagreement_rate: null, listed: [] });
  });
});

describe('rollback trigger', () => {
  test('fires above or below its bound, and not on a metric that was not measured', () => {
    const parsed = parseTriggers([{ metric: 'psi_score', above: 0.25 }, { id: 'recall-floor', metric: 'recall', below: 0.6 }]);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(judgeTriggers(parsed.triggers, { psi_score: 0.1, recall: 0.7 }).fired).toBe(false);
    expect(judgeTriggers(parsed.triggers, { psi_score: 0.25, recall: 0.6 }).fired).toBe(false);
    const fired = judgeTriggers(parsed.triggers, { psi_score: 0.3, recall: null });
    expect(fired.fired).toBe(true);
    expect(fired.verdicts).toEqual([
      { id: 'trigger-1', metric: 'psi_score', rule: 'psi_score > 0.25', live: 0.3, fired: true },
      { id: 'recall-floor', metric: 'recall', rule: 'recall < 0.6', live: null, fired: false },
    ]);
    expect(judgeTriggers(parsed.triggers, { recall: 0.59 }).fired).toBe(true);
  });

  test('a trigger file with both bounds, none, or an unknown metric is refused with where', () => {
    expect(parseTriggers({ metric: 'recall', below: 0.6, above: 0.9 })).toEqual({ ok: false, message: '(root): give exactly one of "above" or "below"' });
    expect(parseTriggers({ metric: 'recall' })).toMatchObject({ ok: false });
    const unknown = parseTriggers({ metric: 'happiness', above: 1 });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toMatch(/^metric: /);
  });
});
