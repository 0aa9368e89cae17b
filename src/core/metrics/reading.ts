import type { OutcomeNames } from './outcome-names.ts';
import type { Confusion } from './types.ts';

// The nouns of the sentence: generic ("flagged positive", "real positives") or the outcomes' names.
interface Words { flagged: string; hit: string; one: string; many: string; alarm: string; alarms: string }

function words(names?: OutcomeNames): Words {
  if (!names) return { flagged: 'flagged positive', hit: 'a real positive', one: 'real positive', many: 'real positives', alarm: 'false alarm', alarms: 'false alarms' };
  const actually = `(actually “${names.negative}”)`;
  return { flagged: `predicted “${names.positive}”`, hit: `right (actually “${names.positive}”)`, one: `case actually “${names.positive}”`, many: `cases actually “${names.positive}”`, alarm: `false alarm ${actually}`, alarms: `false alarms ${actually}` };
}

function flaggedClause(flagged: number, fp: number, w: Words): string {
  if (flagged === 1) return `The 1 case ${w.flagged} is ${fp === 1 ? `a ${w.alarm}` : w.hit}`;
  if (fp === 0) return `Of ${flagged} cases ${w.flagged}, none are ${w.alarms}`;
  if (fp === flagged) return `All ${flagged} cases ${w.flagged} are ${w.alarms}`;
  return `Of ${flagged} cases ${w.flagged}, ${fp} ${fp === 1 ? `is a ${w.alarm}` : `are ${w.alarms}`}`;
}

function missedClause(realPos: number, fn: number, w: Words): string {
  if (realPos === 0) return `there are no ${w.many} to miss`;
  if (realPos === 1) return `the 1 ${w.one} is ${fn === 1 ? 'missed' : 'caught'}`;
  if (fn === 0) return `none of ${realPos} ${w.many} are missed`;
  if (fn === realPos) return `all ${realPos} ${w.many} are missed`;
  return `${fn} of ${realPos} ${w.many} ${fn === 1 ? 'is' : 'are'} missed`;
}

/**
 * One plain-English sentence reading a confusion matrix (counts of rows): false alarms, then misses. With `names` it
 * speaks of the outcomes ("predicted “survived”", "actually “not survived”") instead of positives.
 */
export function readConfusion(c: Confusion, names?: OutcomeNames): string {
  const w = words(names);
  const flagged = c.tp + c.fp;
  const realPos = c.tp + c.fn;
  if (flagged === 0) {
    const rest = realPos === 0 ? `there are no ${w.many} either` : missedClause(realPos, c.fn, w);
    return `No cases are ${w.flagged}; ${rest}.`;
  }
  return `${flaggedClause(flagged, c.fp, w)}; ${missedClause(realPos, c.fn, w)}.`;
}
