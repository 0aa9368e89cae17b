import { describe, expect, it } from 'vitest';
import { confusionAt, thresholdSweep, type SliceRow, type SliceTable } from '../core/index.ts';
import { confusionAround, costPick, medianScore, suggestSlice, worstSlice, type LessonFacts } from './lesson-facts.ts';
import { lessonReadiness, type ReadinessInput } from './lesson-setup.svelte.ts';
import { costText, LESSON_STEPS, matrixText, scoreText, sliceText, splitText, thresholdText, tradeOffText } from './lesson-steps.ts';
import { Lesson, lessonStepFromSearch, withLessonParam, type LessonUrl } from './lesson.svelte.ts';

// Five rows a person can check: scores descending with labels 1 0 1 0 1 (3 positives, 2 negatives).
const SCORES = Float64Array.of(0.9, 0.8, 0.6, 0.3, 0.2);
const LABELS = Uint8Array.of(1, 0, 1, 0, 1);
const SWEEP = thresholdSweep(SCORES, LABELS);

function fakeUrl(href: string): LessonUrl & { href: string } {
  const url = { href, read: () => url.href, replace: (next: string) => { url.href = next; } };
  return url;
}

describe('lesson progress in the URL', () => {
  it('reads a 1-based step from ?lesson= and refuses anything outside the lesson', () => {
    expect(lessonStepFromSearch('?sample=titanic&lesson=3', 7)).toBe(3);
    expect(lessonStepFromSearch('?lesson=7', 7)).toBe(7);
    for (const bad of ['', '?lesson=', '?lesson=0', '?lesson=8', '?lesson=abc', '?lesson=2.5', '?lesson=-1']) expect(lessonStepFromSearch(bad, 7)).toBeNull();
  });

  it('sets and removes the parameter, keeping the other parameters and the hash', () => {
    expect(withLessonParam('http://x/?sample=titanic#/evaluate', 3)).toBe('http://x/?sample=titanic&lesson=3#/evaluate');
    expect(withLessonParam('http://x/?sample=titanic&lesson=3#/evaluate', 4)).toBe('http://x/?sample=titanic&lesson=4#/evaluate');
    expect(withLessonParam('http://x/?sample=titanic&lesson=3#/evaluate', null)).toBe('http://x/?sample=titanic#/evaluate');
    expect(withLessonParam('http://x/?lesson=1', null)).toBe('http://x/');
  });

  it('walks next and back, goes to each step view, and leaving drops the parameter', () => {
    const url = fakeUrl('http://x/?sample=titanic#/data');
    const views: string[] = [];
    const lesson = new Lesson((s) => views.push(`${s.view}:${s.target}`), url);
    expect([lesson.open, lesson.number, lesson.resumeFromUrl()]).toEqual([false, 0, false]);
    lesson.show(1);
    expect([lesson.number, lesson.isFirst, url.href]).toEqual([1, true, 'http://x/?sample=titanic&lesson=1#/data']);
    lesson.back();
    expect(lesson.number).toBe(1);
    lesson.next();
    lesson.next();
    expect([lesson.number, lesson.step?.target, url.href]).toEqual([3, 'matrix', 'http://x/?sample=titanic&lesson=3#/data']);
    lesson.back();
    expect(lesson.number).toBe(2);
    lesson.show(99);
    expect([lesson.number, lesson.isLast]).toEqual([LESSON_STEPS.length, true]);
    lesson.next();
    expect([lesson.open, lesson.step, url.href]).toEqual([false, null, 'http://x/?sample=titanic#/data']);
    expect(views).toEqual(['evaluate:score-histogram', 'evaluate:threshold', 'evaluate:matrix', 'evaluate:threshold', 'evaluate:slices']);
  });

  it('opens the step a shared link names', () => {
    const url = fakeUrl('http://x/?sample=titanic&lesson=3#/evaluate');
    const lesson = new Lesson(() => {}, url);
    expect(lesson.resumeFromUrl()).toBe(true);
    expect([lesson.number, lesson.step?.id]).toEqual([3, 'matrix']);
  });

  it('has 6 to 8 steps, each on a distinct target, in one table', () => {
    expect(LESSON_STEPS.length).toBeGreaterThanOrEqual(6);
    expect(LESSON_STEPS.length).toBeLessThanOrEqual(8);
    expect(LESSON_STEPS.map((s) => s.target)).toEqual(['score-histogram', 'threshold', 'matrix', 'sweep', 'costs', 'split-note', 'slices']);
  });
});

describe('what the lesson waits for or does first', () => {
  const base: ReadinessInput = { fileName: 'titanic.csv', loading: null, loadError: null, hasRun: true, savedRuns: true, training: 'completed', trainingMessage: null, contractProblem: null, leaks: [], leaksDecided: false, source: 'run' };
  it('is ready with a run of the sample on screen, and asks for the run when a scores file is shown', () => {
    expect(lessonReadiness(base).kind).toBe('ready');
    expect(lessonReadiness({ ...base, source: 'file' }).kind).toBe('scores-file');
  });
  it('loads the sample onto an empty page, but never replaces another file on its own', () => {
    expect(lessonReadiness({ ...base, fileName: null }).kind).toBe('load');
    expect(lessonReadiness({ ...base, fileName: 'mine.csv' })).toEqual({ kind: 'other-data', fileName: 'mine.csv' });
    expect(lessonReadiness({ ...base, fileName: null, loading: 'titanic.csv' })).toEqual({ kind: 'wait', message: 'Loading titanic.csv…' });
    expect(lessonReadiness({ ...base, fileName: null, loadError: 'offline' })).toEqual({ kind: 'blocked', message: 'The sample could not be loaded: offline' });
  });
  it('trains only once the sample has no saved run and the contract allows it', () => {
    const none = { ...base, hasRun: false, savedRuns: false, training: 'idle' as const };
    expect(lessonReadiness(none).kind).toBe('train');
    expect(lessonReadiness({ ...none, savedRuns: null }).kind).toBe('wait');
    expect(lessonReadiness({ ...none, savedRuns: true }).kind).toBe('wait');
    expect(lessonReadiness({ ...none, contractProblem: 'Profiling the snapshot…' }).kind).toBe('wait');
    expect(lessonReadiness({ ...none, contractProblem: 'Give at least one column the role "feature".' }).kind).toBe('blocked');
    expect(lessonReadiness({ ...none, training: 'running' }).kind).toBe('wait');
    // Leaking features: wait for the checks, then ask once before training.
    expect(lessonReadiness({ ...none, leaks: null })).toEqual({ kind: 'wait', message: 'Checking the sample for leaks…' });
    expect(lessonReadiness({ ...none, leaks: ['boat', 'body'] })).toEqual({ kind: 'leaks', columns: ['boat', 'body'] });
    expect(lessonReadiness({ ...none, leaks: ['boat', 'body'], leaksDecided: true }).kind).toBe('train');
    expect(lessonReadiness({ ...none, training: 'failed', trainingMessage: 'GPU lost.' })).toEqual({ kind: 'blocked', message: 'Training failed: GPU lost. Press Train in the Train step to try again.' });
  });
});

function row(key: string, n: number, nPos: number, recall: number | null, tooSmall = false, weak: string[] = []): SliceRow {
  return { key, values: [key], n, n_pos: nPos, positive_rate: n ? nPos / n : null, roc_auc: null, precision: null, recall, fpr: null, fnr: null, ci: null, too_small: tooSmall, weak };
}

describe('the live numbers the lesson reads', () => {
  it('medians of each class by hand', () => {
    expect(medianScore(SCORES, LABELS, 1)).toBe(0.6);
    expect(medianScore(SCORES, LABELS, 0)).toBeCloseTo(0.55, 12);
    expect(medianScore(SCORES, new Uint8Array(5), 1)).toBeNull();
  });

  it('the minimum-cost pick by hand: cheap misses flag everyone, dear false alarms flag only the top score', () => {
    // Costs FP 1, FN 5: flagging all (2 FP, 0 FN) costs 2/5 = 0.4 per row, the least of the six decisions.
    expect(costPick(SWEEP, 1, 5)).toEqual({ pick: 0.2, perRow: 0.4 });
    // Costs FP 5, FN 1: flagging only 0.9 (0 FP, 2 FN) costs 2/5 = 0.4.
    expect(costPick(SWEEP, 5, 1)).toEqual({ pick: 0.9, perRow: 0.4 });
    expect(costPick(SWEEP, -1, 5)).toEqual({ pick: null, perRow: null });
    expect(costPick(SWEEP, Number.NaN, 5)).toEqual({ pick: null, perRow: null });
  });

  it('the matrices 0.2 either side of the threshold, clamped to [0.05, 0.95]', () => {
    const at5 = confusionAround(SWEEP, 0.5);
    expect(at5.lower).toEqual({ threshold: 0.3, tp: 2, fp: 2, tn: 0, fn: 1 });
    expect(at5.higher).toEqual({ threshold: 0.7, tp: 1, fp: 1, tn: 1, fn: 2 });
    const at1 = confusionAround(SWEEP, 0.1);
    expect([at1.lower.threshold, at1.higher.threshold]).toEqual([0.05, 0.3]);
    expect(confusionAround(SWEEP, 0.9).higher.threshold).toBe(0.95);
  });

  it('the worst slice skips slices too small to judge and those without positives', () => {
    const table = (rows: SliceRow[]): SliceTable => ({ spec: { columns: ['sex'] }, min_rows: 30, rows });
    const tables = [
      table([row('sex=female', 100, 70, 0.9), row('sex=male', 160, 30, 0.3, false, ['recall'])]),
      table([row('pclass=1', 20, 5, 0.1, true), row('pclass=3', 120, 0, null), row('pclass=2', 60, 20, 0.5)]),
    ];
    expect(worstSlice(tables)).toEqual({ key: 'sex=male', n: 160, nPos: 30, recall: 0.3, weak: true });
    expect(worstSlice([])).toBeNull();
    expect(worstSlice([table([row('pclass=1', 20, 5, 0.1, true)])])).toBeNull();
  });

  it('offers sex, then pclass, then the first column for slicing', () => {
    expect(suggestSlice(['age', 'pclass', 'sex'])).toBe('sex');
    expect(suggestSlice(['age', 'pclass'])).toBe('pclass');
    expect(suggestSlice(['age'])).toBe('age');
    expect(suggestSlice([])).toBeNull();
  });
});

describe('the step texts read the numbers they are given', () => {
  const names = { positive: 'survived', negative: 'not survived' };
  const facts: LessonFacts = {
    names, split: 'test', threshold: 0.5, confusion: confusionAt(SWEEP, 0.5), medians: { positive: 0.6, negative: 0.55 },
    around: confusionAround(SWEEP, 0.5), costs: { fp: 1, fn: 5, kind: 'fixed', pick: 0.2, perRow: 0.4 }, choice: null,
    validationRows: 262, recall: 2 / 3, worst: null, suggestedSlice: 'sex',
  };

  it('score, threshold and matrix', () => {
    expect(scoreText(facts)).toContain('each of the 5 test rows a score from 0 to 1');
    expect(scoreText(facts)).toContain('median score of 0.6; rows actually “not survived”, 0.55');
    // At 0.5, rows scoring 0.9, 0.8 and 0.6 are flagged: 3 of 5.
    expect(thresholdText(facts)).toContain('At 0.5 that is 3 of the 5 test rows (60%)');
    expect(matrixText(facts)).toBe('At threshold 0.5 the matrix counts four outcomes: 2 predicted “survived” and right, 1 actually “survived” but missed, 1 false alarm (predicted “survived”, actually “not survived”) and 1 correctly predicted “not survived”. Move the threshold and watch rows move between the cells; the four always add up to 5.');
  });

  it('the trade-off at the threshold and 0.2 either side', () => {
    expect(tradeOffText(facts)).toContain('At 0.5: 1 false alarm and 1 miss. Lower it to 0.3: 2 false alarms and 1 miss. Raise it to 0.7: 1 false alarm and 2 misses.');
  });

  it('costs: the pick on validation, how to use it, and a cost choice already made', () => {
    expect(costText(facts)).toContain('the cheapest threshold on the validation split is 0.2, at 0.400 per row');
    expect(costText(facts)).toContain('Set Strategy to “Minimum expected cost”');
    const chosen = { ...facts, costs: { ...facts.costs, kind: 'min-cost' as const }, choice: { threshold: 0.2, strategy: { kind: 'min-cost' as const, costFp: 1, costFn: 5 } } };
    expect(costText(chosen)).toContain('press Choose threshold to use it. You chose 0.2 this way.');
    expect(costText({ ...facts, costs: { ...facts.costs, pick: null, perRow: null } })).toContain('Enter two costs of 0 or more');
  });

  it('validation chooses, test reports', () => {
    expect(splitText(facts)).toContain('0.5 is set by hand, and Choose threshold would pick one on the 262 validation rows');
    expect(splitText(facts)).toContain('on the 5 test rows, which neither trained the model nor chose the threshold');
    const chosen = { ...facts, choice: { threshold: 0.2, strategy: { kind: 'max-f1' as const } } };
    expect(splitText(chosen)).toContain('The threshold 0.2 was chosen by maximum F1 on the 262 validation rows.');
    expect(splitText({ ...facts, split: 'validation' })).toContain('switch Split to Test');
  });

  it('slices: how to get them, then the worst one against overall', () => {
    expect(sliceText(facts)).toContain('Tick “sex” under Slice by');
    const worst = { ...facts, worst: { key: 'sex=male', n: 160, nPos: 30, recall: 0.3, weak: true } };
    expect(sliceText(worst)).toContain('is sex=male: of its 30 rows actually “survived” (160 rows in all) it finds 30%, against 67% overall.');
    expect(sliceText(worst)).toContain('flags it weak');
  });
});
