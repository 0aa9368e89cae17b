import { describe, expect, test } from 'vitest';
import { judgeTriggers } from '../core/index.ts';
import { defaultTriggerRows, parseCosts, triggersFromRows } from './shadow-form.ts';

describe('trigger rows', () => {
  test('the default rows read as "psi_score > 0.25" and "recall < 0.6"', () => {
    const read = triggersFromRows(defaultTriggerRows());
    expect(read).toEqual({ ok: true, triggers: [{ id: 'trigger-1', metric: 'psi_score', above: 0.25 }, { id: 'trigger-2', metric: 'recall', below: 0.6 }] });
  });

  test('judged on live figures: recall 0.55 fires "recall < 0.6", PSI 0.1 does not fire "> 0.25"; an unmeasured figure never fires', () => {
    const read = triggersFromRows(defaultTriggerRows());
    if (!read.ok) throw new Error(read.message);
    const judged = judgeTriggers(read.triggers, { psi_score: 0.1, recall: 0.55 });
    expect(judged.fired).toBe(true);
    expect(judged.verdicts.map((v) => [v.rule, v.fired])).toEqual([['psi_score > 0.25', false], ['recall < 0.6', true]]);
    expect(judgeTriggers(read.triggers, { psi_score: null, recall: null }).fired).toBe(false);
  });

  test('a value that is not a number is refused naming the row; an empty list is no trigger', () => {
    expect(triggersFromRows([{ metric: 'f1', direction: 'below', value: 'abc' }, ...defaultTriggerRows()])).toEqual({ ok: false, message: 'Trigger 1 (f1 below): "abc" is not a number' });
    expect(triggersFromRows([{ metric: 'f1', direction: 'below', value: ' ' }])).toMatchObject({ ok: false });
    expect(triggersFromRows([])).toEqual({ ok: true, triggers: [] });
  });
});

describe('costs', () => {
  test('two numbers ≥ 0 are the costs; a negative or blank one is refused naming which', () => {
    expect(parseCosts('1', '5.5')).toEqual({ ok: true, costs: { fp: 1, fn: 5.5 } });
    expect(parseCosts('-1', '5')).toEqual({ ok: false, message: 'The cost of a false positive must be a number ≥ 0 (it is "-1")' });
    expect(parseCosts('1', '')).toEqual({ ok: false, message: 'The cost of a false negative must be a number ≥ 0 (it is "")' });
  });
});

test('a number input\'s number is read as it is', () => {
  expect(parseCosts(2, 0)).toEqual({ ok: true, costs: { fp: 2, fn: 0 } });
});
