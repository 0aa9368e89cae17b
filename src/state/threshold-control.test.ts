import { describe, expect, it } from 'vitest';
import { nextUp, thresholdSweep } from '../core/index.ts';
import { ReportSettings } from './report-settings.svelte.ts';
import { LINEAR_STEPS, nearestStop, sliderStops, snapTyped, stopIndex, thresholdAtPosition, thresholdSetBy, ThresholdControl, trackMax, trackPosition, trackRange } from './threshold-control.svelte.ts';
import { ThresholdDecision } from './threshold-decision.svelte.ts';

describe('threshold slider and strategy form', () => {
  it('has one stop per distinct score, ascending, then one just above the top score (flag nothing)', () => {
    const stops = sliderStops(thresholdSweep(Float64Array.of(0.2, 0.9, 0.5, 0.5), Uint8Array.of(0, 1, 1, 0)));
    expect([...stops]).toEqual([0.2, 0.5, 0.9, nextUp(0.9)]);
    expect([stopIndex(stops, 0), stopIndex(stops, 0.5), stopIndex(stops, 0.6), stopIndex(stops, 0.95)]).toEqual([0, 1, 2, 3]);
    expect([...sliderStops(null)]).toEqual([0.5]);
  });

  // Scores 0.2, 0.5, 0.5, 0.9: stops [0.2, 0.5, 0.9, nextUp(0.9)].
  const stops = sliderStops(thresholdSweep(Float64Array.of(0.2, 0.9, 0.5, 0.5), Uint8Array.of(0, 1, 1, 0)));

  it('maps a linear track evenly over [0, 1]: 0.5 sits mid-track whatever the scores', () => {
    expect(trackRange(stops)).toEqual({ lo: 0, hi: 1 });
    expect(trackRange(Float64Array.of(-2, 3))).toEqual({ lo: -2, hi: 3 });
    expect([trackMax(stops, 'linear'), trackMax(stops, 'distinct')]).toEqual([LINEAR_STEPS, 3]);
    expect([trackPosition(stops, 'linear', 0.5), trackPosition(stops, 'linear', 0.2), trackPosition(stops, 'linear', 0.9)]).toEqual([500, 200, 900]);
    // One stop per distinct score: 0.5 is the second of four stops, a third of the way along.
    expect([trackPosition(stops, 'distinct', 0.5), trackPosition(stops, 'distinct', 0.6), trackPosition(stops, 'distinct', 1)]).toEqual([1, 2, 3]);
  });

  it('snaps every linear position to the nearest stop, so the matrix always matches a sweep point', () => {
    expect([nearestStop(stops, 0), nearestStop(stops, 0.34), nearestStop(stops, 0.35), nearestStop(stops, 0.36), nearestStop(stops, 0.71), nearestStop(stops, 5)]).toEqual([0, 0, 0, 1, 2, 3]);
    expect(thresholdAtPosition(stops, 'linear', 0, 0.5)).toBe(0.2);
    expect(thresholdAtPosition(stops, 'linear', 640, 0.2)).toBe(0.5);
    expect(thresholdAtPosition(stops, 'linear', 1000, 0.5)).toBe(nextUp(0.9));
    for (let p = 0; p <= LINEAR_STEPS; p += 37) expect([...stops]).toContain(thresholdAtPosition(stops, 'linear', p, 0.5));
    expect(thresholdAtPosition(stops, 'distinct', 2, 0.5)).toBe(0.9);
    expect(thresholdAtPosition(stops, 'distinct', 99, 0.5)).toBe(nextUp(0.9));
  });

  it('moves at least one stop per arrow key on a linear track, in the direction of the move', () => {
    // At 0.5 (position 500), one step left is 0.499: nearest stop is 0.5 itself, so it steps down to 0.2.
    expect(thresholdAtPosition(stops, 'linear', trackPosition(stops, 'linear', 0.5) - 1, 0.5)).toBe(0.2);
    expect(thresholdAtPosition(stops, 'linear', trackPosition(stops, 'linear', 0.5) + 1, 0.5)).toBe(0.9);
    expect(thresholdAtPosition(stops, 'linear', trackPosition(stops, 'linear', 0.2) - 1, 0.2)).toBe(0.2);
    // A position on the current threshold keeps it.
    expect(thresholdAtPosition(stops, 'linear', 500, 0.5)).toBe(0.5);
  });

  it('snaps a typed threshold to the stop with the same decisions (the first at or above it)', () => {
    expect([snapTyped(stops, 0.3), snapTyped(stops, 0.5), snapTyped(stops, 0.51), snapTyped(stops, -1), snapTyped(stops, 7)]).toEqual([0.5, 0.5, 0.9, 0.2, nextUp(0.9)]);
    expect(snapTyped(stops, Number.NaN)).toBeNull();
    expect(snapTyped(stops, Number(''))).toBe(0.2);
  });

  it('says which strategy set the threshold', () => {
    const choice = { threshold: 0.35, strategy: { kind: 'max-f1' as const }, chosen_on: 'validation' as const, feasible: true, objective: 1, note: '' };
    expect(thresholdSetBy(null, 0.5)).toBe('set by: the default (0.5)');
    expect(thresholdSetBy(choice, 0.35)).toBe('set by: maximum F1 on validation');
    expect(thresholdSetBy(choice, 0.4)).toBe('set by hand');
    expect(thresholdSetBy(null, 0.4)).toBe('set by hand');
    expect(thresholdSetBy({ ...choice, strategy: { kind: 'fixed', value: 0.35 } }, 0.35)).toBe('set by: fixed threshold 0.35');
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
