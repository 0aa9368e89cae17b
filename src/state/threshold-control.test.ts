import { describe, expect, it } from 'vitest';
import { nextUp, thresholdSweep } from '../core/index.ts';
import { ReportSettings } from './report-settings.svelte.ts';
import { sliderStops, stopIndex, ThresholdControl } from './threshold-control.svelte.ts';
import { ThresholdDecision } from './threshold-decision.svelte.ts';

describe('threshold slider and strategy form', () => {
  it('has one stop per distinct score, ascending, then one just above the top score (flag nothing)', () => {
    const stops = sliderStops(thresholdSweep(Float64Array.of(0.2, 0.9, 0.5, 0.5), Uint8Array.of(0, 1, 1, 0)));
    expect([...stops]).toEqual([0.2, 0.5, 0.9, nextUp(0.9)]);
    expect([stopIndex(stops, 0), stopIndex(stops, 0.5), stopIndex(stops, 0.6), stopIndex(stops, 0.95)]).toEqual([0, 1, 2, 3]);
    expect([...sliderStops(null)]).toEqual([0.5]);
  });

  it('turns the form into a strategy and back', () => {
    const form = new ThresholdControl();
    form.strategyKind = 'min-cost';
    form.costFp = 2;
    form.costFn = 7;
    expect(form.strategy()).toEqual({ kind: 'min-cost', costFp: 2, costFn: 7 });
    form.load({ kind: 'recall-at-least', target: 0.6 });
    expect(form.strategy()).toEqual({ kind: 'recall-at-least', target: 0.6 });
  });

  it('reports the applied strategy until the slider moves away from its threshold, then a fixed one', () => {
    const decision = new ThresholdDecision();
    expect(decision.activeStrategy()).toEqual({ kind: 'fixed', value: 0.5 });
    decision.adopt({ threshold: 0.35, strategy: { kind: 'max-f1' }, chosen_on: 'validation', feasible: true, objective: 1, note: '' });
    expect(decision.activeStrategy()).toEqual({ kind: 'max-f1' });
    decision.threshold = 0.4;
    expect(decision.activeStrategy()).toEqual({ kind: 'fixed', value: 0.4 });
    decision.adopt(null);
    expect([decision.threshold, decision.choice]).toEqual([0.5, null]);
  });

  it('keeps slices over the subject\'s columns only, and a cross of two different columns', () => {
    const settings = new ReportSettings();
    settings.columns = ['sex', 'pclass'];
    settings.cross = ['sex', 'embarked'];
    settings.bins = 1;
    expect(settings.slices()).toEqual([{ columns: ['sex'], bins: 2 }, { columns: ['pclass'], bins: 2 }, { columns: ['sex', 'embarked'], bins: 2 }]);
    expect(settings.forColumns(['sex', 'age'])).toEqual({ slices: [{ columns: ['sex'], bins: 2 }], errorColumns: ['sex', 'age'], resamples: 1000, seed: 42 });
    settings.cross = ['sex', 'sex'];
    expect(settings.slices()).toHaveLength(2);
  });
});
