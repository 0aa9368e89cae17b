import { describeStrategy, formatThreshold, percent, plural, type Confusion } from '../core/index.ts';
import type { LessonFacts } from './lesson-facts.ts';
import type { StepId } from './step-router.svelte.ts';

/** One step of the "Learn thresholds" lesson: what it shows, where, and its text built from live numbers. */
export interface LessonStep {
  readonly id: string;
  readonly title: string;
  /** The `data-lesson` attribute of the real control the step talks about. */
  readonly target: string;
  /** The step view that holds the target. */
  readonly view: StepId;
  /** Where to click when the target is hidden (a closed panel, another tab). */
  readonly where: string;
  /** An offer the panel can make on this step (the slices step offers to slice by a column). */
  readonly action?: 'slice';
  /** The step's text from the live numbers on screen. */
  readonly text: (f: LessonFacts) => string;
}

const t = formatThreshold;
const q = (word: string): string => `“${word}”`;
const splitRows = (f: LessonFacts): string => `${plural(total(f.confusion), `${f.split} row`)}`;
function total(c: Confusion): number { return c.tp + c.fp + c.tn + c.fn; }
function mistakes(c: Confusion): string { return `${plural(c.fp, 'false alarm')} and ${plural(c.fn, 'miss', 'misses')}`; }

/** What a score is: the model's number per row, before any decision. */
export function scoreText(f: LessonFacts): string {
  const { positive: mp, negative: mn } = f.medians;
  const medians = mp !== null && mn !== null
    ? ` Rows actually ${q(f.names.positive)} have a median score of ${t(mp)}; rows actually ${q(f.names.negative)}, ${t(mn)}.`
    : '';
  return `The model gives each of the ${splitRows(f)} a score from 0 to 1: its estimate of the chance of ${q(f.names.positive)}. A score is not yet a decision.${medians} The histogram shows the two groups' scores: the further apart they sit, the easier a threshold's job.`;
}

/** What the threshold does: turns each score into a yes/no. */
export function thresholdText(f: LessonFacts): string {
  const c = f.confusion;
  const flagged = c.tp + c.fp;
  return `The threshold turns a score into a decision: a row scoring ${t(f.threshold)} or more is predicted ${q(f.names.positive)}, every other row ${q(f.names.negative)}. At ${t(f.threshold)} that is ${flagged} of the ${splitRows(f)} (${percent(total(c) ? flagged / total(c) : 0)}). Drag the slider or focus it and use the arrow keys.`;
}

/** The matrix: the four outcomes at the current threshold. */
export function matrixText(f: LessonFacts): string {
  const c = f.confusion;
  return `At threshold ${t(f.threshold)} the matrix counts four outcomes: ${c.tp} predicted ${q(f.names.positive)} and right, ${c.fn} actually ${q(f.names.positive)} but missed, ${plural(c.fp, 'false alarm')} (predicted ${q(f.names.positive)}, actually ${q(f.names.negative)}) and ${c.tn} correctly predicted ${q(f.names.negative)}. Move the threshold and watch rows move between the cells; the four always add up to ${total(c)}.`;
}

/** False alarms against misses: no threshold removes both. */
export function tradeOffText(f: LessonFacts): string {
  const { lower, higher } = f.around;
  return `Every threshold trades one kind of mistake for the other. At ${t(f.threshold)}: ${mistakes(f.confusion)}. Lower it to ${t(lower.threshold)}: ${mistakes(lower)}. Raise it to ${t(higher.threshold)}: ${mistakes(higher)}. The sweep chart draws this trade-off at every possible threshold.`;
}

/** Costs: price each mistake and let the app choose the cheapest threshold. */
export function costText(f: LessonFacts): string {
  const c = f.costs;
  const head = `Which mistake is worse depends on what it costs. Say a false alarm costs ${c.fp} and a miss costs ${c.fn}.`;
  const pick = c.pick === null
    ? ' Enter two costs of 0 or more to see which threshold they choose.'
    : ` Then the cheapest threshold on the validation split is ${t(c.pick)}${c.perRow === null ? '' : `, at ${c.perRow.toPrecision(3)} per row`}.`;
  const how = c.kind === 'min-cost'
    ? ' Change the two costs and press Choose threshold to use it.'
    : ' Set Strategy to “Minimum expected cost” to see the two cost inputs, then press Choose threshold.';
  const chosen = f.choice?.strategy.kind === 'min-cost' ? ` You chose ${t(f.choice.threshold)} this way.` : '';
  return head + pick + how + chosen;
}

/** Validation chooses, test reports: a threshold tuned on the rows it is judged on flatters itself. */
export function splitText(f: LessonFacts): string {
  const chosen = f.choice
    ? `The threshold ${t(f.choice.threshold)} was chosen by ${describeStrategy(f.choice.strategy)} on the ${plural(f.validationRows, 'validation row')}.`
    : `No threshold has been chosen yet: ${t(f.threshold)} is set by hand, and Choose threshold would pick one on the ${plural(f.validationRows, 'validation row')}.`;
  const reported = f.split === 'test'
    ? ` The matrix reports it on the ${plural(total(f.confusion), 'test row')}, which neither trained the model nor chose the threshold, so its numbers are an honest preview of new data.`
    : ` The matrix now shows the ${f.split} split, which flatters the model: switch Split to Test to judge it.`;
  return `Choosing a threshold on the same rows you report on tunes it to those rows and flatters it. ${chosen}${reported}`;
}

/** Slices: the overall number can hide a group the model serves worse. */
export function sliceText(f: LessonFacts): string {
  const w = f.worst;
  if (!w) {
    const column = f.suggestedSlice ? ` Tick ${q(f.suggestedSlice)} under Slice by (or press the button below)` : ' Tick a column under Slice by';
    return `An overall number can hide a group the model serves worse.${column} to see the metrics of each group at this threshold.`;
  }
  const overall = f.recall === null ? '' : `, against ${percent(f.recall)} overall`;
  const flag = w.weak ? ' Its interval lies wholly below the overall recall, so the report flags it weak.' : '';
  return `An overall number can hide a group the model serves worse. The slice where it finds the fewest ${q(f.names.positive)} rows is ${w.key}: of its ${plural(w.nPos, `row actually ${q(f.names.positive)}`, `rows actually ${q(f.names.positive)}`)} (${w.n} rows in all) it finds ${percent(w.recall)}${overall}.${flag} A single threshold serves the groups unequally.`;
}

/** The lesson, in order; `target` names the `data-lesson` attribute each step highlights. */
export const LESSON_STEPS: readonly LessonStep[] = [
  { id: 'score', title: 'What a score is', target: 'score-histogram', view: 'evaluate', where: 'In Evaluate, open “Calibration”: the histogram is “Scores by class”.', text: scoreText },
  { id: 'threshold', title: 'The threshold makes the decision', target: 'threshold', view: 'evaluate', where: 'In Evaluate, the Threshold slider sits under “Choose the threshold”.', text: thresholdText },
  { id: 'matrix', title: 'What the threshold does to the matrix', target: 'matrix', view: 'evaluate', where: 'In Evaluate, the confusion matrix sits under the threshold slider.', text: matrixText },
  { id: 'trade-off', title: 'False alarms against misses', target: 'sweep', view: 'evaluate', where: 'In Evaluate, open “Threshold sweep”.', text: tradeOffText },
  { id: 'costs', title: 'Put a cost on each mistake', target: 'costs', view: 'evaluate', where: 'In Evaluate, the costs are in “Choose the threshold”, with Strategy set to “Minimum expected cost”.', text: costText },
  { id: 'split', title: 'Chosen on validation, reported on test', target: 'split-note', view: 'evaluate', where: 'In Evaluate, the note at the top of “Choose the threshold”.', text: splitText },
  { id: 'slices', title: 'One slice can do worse', target: 'slices', view: 'evaluate', where: 'In Evaluate, open the “Slices” panel.', action: 'slice', text: sliceText },
];
