import type { Confusion } from './types.ts';

function flaggedClause(flagged: number, fp: number): string {
  if (flagged === 1) {
    return fp === 1
      ? 'The 1 case flagged positive is a false alarm'
      : 'The 1 case flagged positive is a real positive';
  }
  if (fp === 0) return `Of ${flagged} cases flagged positive, none are false alarms`;
  if (fp === flagged) return `All ${flagged} cases flagged positive are false alarms`;
  return `Of ${flagged} cases flagged positive, ${fp} ${fp === 1 ? 'is a false alarm' : 'are false alarms'}`;
}

function missedClause(realPos: number, fn: number): string {
  if (realPos === 0) return 'there are no real positives to miss';
  if (realPos === 1) return fn === 1 ? 'the 1 real positive is missed' : 'the 1 real positive is caught';
  if (fn === 0) return `none of ${realPos} real positives are missed`;
  if (fn === realPos) return `all ${realPos} real positives are missed`;
  return `${fn} of ${realPos} real positives ${fn === 1 ? 'is' : 'are'} missed`;
}

/** One plain-English sentence reading a confusion matrix (counts of rows): false alarms, then misses. */
export function readConfusion(c: Confusion): string {
  const flagged = c.tp + c.fp;
  const realPos = c.tp + c.fn;
  if (flagged === 0) {
    const rest = realPos === 0 ? 'there are no real positives either' : missedClause(realPos, c.fn);
    return `No cases are flagged positive; ${rest}.`;
  }
  return `${flaggedClause(flagged, c.fp)}; ${missedClause(realPos, c.fn)}.`;
}
