import { describe, expect, test } from 'vitest';
import { binaryReport, confusionAt, reportAt, thresholdSweep, type EvaluationReport } from '../core/index.ts';
import { EvaluationState } from './evaluation-state.svelte.ts';
import { sliderStops } from './threshold-control.svelte.ts';

// Ties (0.5 twice, across classes), a -0 folded into 0, and both classes at the top score.
const scores = Float64Array.of(0.9, 0.5, 0.5, -0, 0.2, 0.9, 0.7, 0.1);
const labels = Uint8Array.of(1, 1, 0, 0, 1, 0, 1, 0);

/** An EvaluationState whose evaluate worker is replaced by an in-process one answering like evaluate.worker.ts. */
function withFakeWorker(): EvaluationState {
  const ev = new EvaluationState(() => null, () => null, () => null);
  ev.scoresFile.info = { fileName: 'scores.csv', rowCount: scores.length, columns: [{ name: 'label', type: 'numeric' }, { name: 'score', type: 'numeric' }], pii: [] };
  ev.scoresFile.label = 'label';
  ev.scoresFile.scores = ['score'];
  const api = {
    calls: 0,
    reportFile: async () => {
      api.calls++;
      const sweep = thresholdSweep(scores, labels);
      return { report: {} as EvaluationReport, scored: { rows: Int32Array.from(scores, (_, i) => i), scores, labels }, sweep, base: binaryReport(scores, labels, 0.5, sweep), classes: null, positive: '1' };
    },
  };
  ev.client.call = (async (fn: (a: typeof api) => Promise<unknown>) => fn(api)) as unknown as typeof ev.client.call;
  Reflect.set(ev, 'fakeCalls', () => api.calls);
  return ev;
}

/** How many reports the fake worker made. */
const reports = (ev: EvaluationState): number => (Reflect.get(ev, 'fakeCalls') as () => number)();

describe('EvaluationState with a scores file', () => {
  test('uses the worker\'s sweep as is (no sort on the page) and gives the page-sorted numbers at every stop', async () => {
    const ev = withFakeWorker();
    await ev.evaluateFile();
    const fromWorker = ev.subject?.sorted;
    expect(fromWorker).toBeDefined();
    expect(ev.sweep).toBe(fromWorker?.sweep);

    const pageSweep = thresholdSweep(scores, labels);
    const pageBase = binaryReport(scores, labels, 0.5, pageSweep);
    expect([...ev.stops]).toEqual([...sliderStops(pageSweep)]);
    expect([...ev.stops].slice(0, -1)).toEqual([0, 0.1, 0.2, 0.5, 0.7, 0.9]);
    expect(ev.auc).toBe(pageBase.roc_auc);
    for (let i = 0; i < ev.stops.length; i++) {
      ev.setStop(i);
      expect(ev.stopIndex).toBe(i);
      expect(ev.confusion).toEqual(confusionAt(pageSweep, ev.stops[i]));
      expect(ev.report).toEqual(reportAt(pageBase, confusionAt(pageSweep, ev.stops[i])));
    }
    // At 0.5 the tie group moves together: tp = {0.9, 0.7, 0.5}, fp = {0.9, 0.5}.
    ev.threshold = 0.5;
    expect(ev.confusion).toEqual({ threshold: 0.5, tp: 3, fp: 2, tn: 2, fn: 1 });
  });

  test('the slider (either track) and a typed value land on stops: the matrix is the sweep point\'s', async () => {
    const ev = withFakeWorker();
    await ev.evaluateFile();
    const pageSweep = thresholdSweep(scores, labels);
    expect(ev.control.track).toBe('linear');
    expect(ev.trackMax).toBe(1000);
    ev.threshold = 0.1;
    ev.setPosition(600); // 0.6 → nearest score 0.5 (0.1 away; 0.7 is 0.1 away too, ties go down)
    expect(ev.threshold).toBe(0.5);
    ev.setPosition(510); // 0.51 is nearest 0.5, the threshold already set: the move right steps to 0.7
    expect(ev.threshold).toBe(0.7);
    ev.threshold = 0.5;
    expect(ev.trackPosition).toBe(500);
    expect(ev.setTyped(0.55)).toBe(true); // first score at or above 0.55: same decisions
    expect(ev.threshold).toBe(0.7);
    expect(ev.confusion).toEqual(confusionAt(pageSweep, 0.7));
    expect(ev.setTyped(Number('abc'))).toBe(false);
    expect(ev.threshold).toBe(0.7);
    ev.control.track = 'distinct';
    expect([ev.trackMax, ev.trackPosition]).toEqual([6, 4]);
    ev.setPosition(2);
    expect(ev.threshold).toBe(0.2);
  });

  test('a threshold chosen on the file reads the worker\'s sweep', async () => {
    const ev = withFakeWorker();
    await ev.evaluateFile();
    ev.scoresFile.choose({ kind: 'max-f1' });
    const pageSweep = thresholdSweep(scores, labels);
    const best = [...ev.stops].slice(0, -1).map((t) => { const c = confusionAt(pageSweep, t); return { t, f1: (2 * c.tp) / (2 * c.tp + c.fp + c.fn) }; }).sort((a, b) => b.f1 - a.f1)[0];
    expect(ev.threshold).toBe(best?.t);
  });

  test('the file is reported once: the step\'s refresh after evaluating asks the worker nothing; a moved threshold asks again', async () => {
    const ev = withFakeWorker();
    await ev.evaluateFile();
    expect(reports(ev)).toBe(1);
    await ev.refresh(ev.scoresFile.columns);
    expect(reports(ev)).toBe(1);
    expect(ev.full).not.toBeNull();
    ev.threshold = 0.7;
    await ev.refresh(ev.scoresFile.columns);
    expect(reports(ev)).toBe(2);
  });
});
