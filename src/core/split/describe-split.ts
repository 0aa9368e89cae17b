import type { SplitConfig } from './split.ts';

const pct = (f: number): string => `${Math.round(f * 100)}`;

/** One line describing a split policy for people: "60/20/20 stratified by label". */
export function describeSplit(config: SplitConfig): string {
  switch (config.policy) {
    case 'stratified-random':
      return `${config.fractions.map(pct).join('/')} stratified by label`;
    case 'group':
      return `${config.fractions.map(pct).join('/')} of entities by "${config.column}" (no entity in two splits)`;
    case 'time':
      return `by "${config.column}": train before ${new Date(config.cuts[0]).toISOString()}, validation before ${new Date(config.cuts[1]).toISOString()}, test after`;
  }
}
