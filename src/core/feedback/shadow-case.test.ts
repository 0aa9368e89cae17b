import { describe, expect, test } from 'vitest';
import { judgeTriggers } from './rollback-trigger.ts';
import { bundlePromise, shadowCase, type ShadowCaseInput } from './shadow-case.ts';
import { snapshotLabels, type CsvTable } from './snapshot-labels.ts';
import { LabelJoinError } from './label-join.ts';

const CONTRACT = { label: 'y', classes: ['0', '1'], positive_class: '1', missing_tokens: ['', 'NA'], entity_key: 'id' };
const TABLE: CsvTable = {
  name: 'new.csv', header: ['id', 'name', 'sex', 'y'],
  rows: [['a', 'Ann', 'f', '1'], ['b', 'Bob', 'm', '0'], ['c', 'Cy', 'm', '1'], ['d', 'Di', 'f', '0'], ['e', 'Ed', 'm', 'NA']],
};
const SIDE = { threshold: 0.5, pii: ['name'], promised: { recall: 0.8 }, floors: [] };

function input(over: Partial<ShadowCaseInput> = {}): ShadowCaseInput {
  return {
    table: TABLE,
    // Row 5 was scored by the champion only (the candidate left it out), so it is not compared.
    champion: new Map([[1, 0.9], [2, 0.2], [3, 0.4], [4, 0.6], [5, 0.1]]),
    candidate: new Map([[1, 0.8], [2, 0.7], [3, 0.6], [4, 0.3]]),
    championSide: SIDE, candidateSide: SIDE, labelled: snapshotLabels(CONTRACT, TABLE, { labels: null }),
    slice: 'sex', key: 'id', costs: { fp: 1, fn: 5 }, maxListed: 50, seed: 1, resamples: 200, drift: null, ...over,
  };
}

describe('shadowCase on four hand-scored rows', () => {
  // Champion decides 1,0,0,1; candidate 1,1,1,0; labels 1,0,1,0.
  const { report, feedback, live } = shadowCase(input());

  test('disagreement: rows 2 and 3 newly positive, row 4 newly negative; by sex f 1/2, m 2/2', () => {
    expect([report.rows, report.disagreements, report.disagreement_rate, report.newly_positive, report.newly_negative]).toEqual([4, 3, 0.75, 2, 1]);
    expect(report.by_slice).toEqual([{ value: 'f', rows: 2, disagreements: 1, rate: 0.5 }, { value: 'm', rows: 2, disagreements: 2, rate: 1 }]);
    expect(report.listed.map((d) => [d.row, d.key, d.label])).toEqual([[2, 'b', 0], [3, 'c', 1], [4, 'd', 0]]);
  });

  test('switching cost at FP 1, FN 5: expected 3.5 → 2.4, realised 6 → 1 (per row −1.25)', () => {
    const c = report.switching_cost;
    expect(c?.expected.champion).toBeCloseTo(3.5, 12);
    expect(c?.expected.candidate).toBeCloseTo(2.4, 12);
    expect(c?.realised).toEqual({ rows: 4, champion: 6, candidate: 1, change: -5, change_per_row: -1.25 });
  });

  test('live figures: the candidate\'s realised recall 1, precision 2/3, coverage 1; no drift measured', () => {
    expect(live.disagreement_rate).toBe(0.75);
    expect(live.switching_cost_per_row).toBe(-1.25);
    expect([live.recall, live.precision, live.accuracy, live.label_coverage]).toEqual([1, 2 / 3, 0.75, 1]);
    expect([live.psi_score, live.ks_score, live.max_feature_psi]).toEqual([null, null, null]);
    expect(feedback?.promised.recall).toBe(0.8);
    const judged = judgeTriggers([{ metric: 'recall', below: 0.6 }, { metric: 'disagreement_rate', above: 0.5 }, { metric: 'psi_score', above: 0.25 }], live);
    expect(judged.verdicts.map((v) => v.fired)).toEqual([false, true, false]);
  });

  test('a PII key is never listed; without labels there is no realised cost, feedback or paired delta', () => {
    const r = shadowCase(input({ key: 'name', labelled: null, slice: null }));
    expect(r.report.listed.every((d) => d.key === undefined && d.label === undefined)).toBe(true);
    expect([r.report.switching_cost?.realised, r.report.paired, r.feedback, r.report.by_slice, r.live.recall]).toEqual([null, null, null, null, null]);
    expect(r.live.switching_cost_per_row).toBeCloseTo(-1.1 / 4, 12);
  });

  test('a slice column the snapshot lacks is named', () => {
    expect(() => shadowCase(input({ slice: 'age' }))).toThrow('new.csv has no column "age" to slice by');
  });
});

describe('snapshotLabels', () => {
  test('joined from a labels table by key: rows without a label stay, as null', () => {
    const labels: CsvTable = { name: 'labels.csv', header: ['id', 'y'], rows: [['c', '1'], ['a', '0']] };
    expect(snapshotLabels(CONTRACT, TABLE, { labels })).toEqual({ labels: [0, null, 1, null, null], ageDays: null, from: 'labels.csv' });
  });

  test('a missing key column and an unknown label are named with the file', () => {
    const noKey: CsvTable = { name: 'labels.csv', header: ['key', 'y'], rows: [] };
    expect(() => snapshotLabels(CONTRACT, TABLE, { labels: noKey })).toThrow(new LabelJoinError('labels.csv has no column "id" (the join key)'));
    const bad: CsvTable = { ...TABLE, rows: [['a', 'Ann', 'f', 'yes']] };
    expect(() => snapshotLabels(CONTRACT, bad, { labels: null })).toThrow('new.csv row 1, column y: label "yes" is none of the bundle\'s classes (0, 1)');
  });
});

describe('bundlePromise', () => {
  test('metrics.json is the promise; slice gates of gates.json are the floors', () => {
    const gates = { version: 1, gates: [{ id: 'g1', kind: 'slice', column: 'sex', metric: 'recall', min: 0.5, minRows: 10 }] };
    const p = bundlePromise({ roc_auc: 0.8 }, gates);
    expect(p.promised).toEqual({ roc_auc: 0.8 });
    expect(p.floors).toEqual([{ id: 'g1', column: 'sex', metric: 'recall', min: 0.5, minRows: 10 }]);
    expect(bundlePromise(null, null)).toEqual({ promised: {}, floors: [] });
  });
});
