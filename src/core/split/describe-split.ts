import type { SplitConfig } from './split.ts';

const pct = (f: number): string => `${Math.round(f * 100)}`;

// Event times are epoch ms for datetime columns but may be plain numbers (e.g. a day index) for numeric ones.
const when = (t: number): string => (Number.isFinite(t) && Math.abs(t) >= 1e11 ? new Date(t).toISOString() : String(t));

/** One line describing a split policy for people: "60/20/20 stratified by label". */
export function describeSplit(config: SplitConfig): string {
  switch (config.policy) {
    case 'stratified-random':
      return `${config.fractions.map(pct).join('/')} stratified by label`;
    case 'group':
      return `${config.fractions.map(pct).join('/')} of entities by "${config.column}" (no entity in two splits)`;
    case 'time':
      return `by "${config.column}": train before ${when(config.cuts[0])}, validation before ${when(config.cuts[1])}, test from then on`;
  }
}

/** The sentence shown when a random split is chosen although `eventTimeColumn` holds each row's event time. */
export function randomSplitLeakWarning(eventTimeColumn: string): string {
  return (
    `This data has an event time ("${eventTimeColumn}"), but a random split mixes all times together, so training ` +
    `sees rows from the future of the validation and test rows and learns from information the model will not ` +
    `have at prediction time; a time split on "${eventTimeColumn}" gives an honest estimate.`
  );
}
