import type { ColumnProfile } from '../data/column-profile.ts';
import { grouped } from './format.ts';
import { ENTITY_WORDS, hasToken, headerTokens, ID_WORDS } from './header-tokens.ts';
import { ID_MIN_ROWS } from './profile-kind.ts';

/** A column that identifies something: the role it should get, why, and how good an entity key it would be (higher wins). */
export interface EntityCandidate {
  readonly column: string;
  readonly role: 'entity_key' | 'ignore';
  readonly reason: string;
  /** 3 = repeating entity ID (customer_id over many rows), 2 = unique entity ID, 1 = unique bare ID, 0 = not a key. */
  readonly rank: number;
}

const ROW_WORDS = ['row', 'rownum', 'index', 'idx', 'unnamed', 'line', 'serial', 'seq', 'sequence', 'record'];

/**
 * How an identifier column should be used, or null for other columns. A unique (kind id) column becomes the entity key
 * when its header names an entity or an ID (customer, passenger_id, id…) and is ignored otherwise, as is a row number.
 * A repeating integer or categorical column whose header names an entity ID (customer_id) with ≥ 20 distinct values is
 * the best key of all: grouping by it keeps one entity's rows on one side of a split.
 */
export function entityCandidate(profile: ColumnProfile, rowCount: number): EntityCandidate | null {
  const tokens = headerTokens(profile.name);
  const column = profile.name;
  const present = rowCount - profile.missing;
  const entity = hasToken(tokens, ENTITY_WORDS);
  const id = hasToken(tokens, ID_WORDS);
  if (profile.kind === 'id') {
    const unique = `Every one of the ${grouped(present)} present values is unique`;
    if (hasToken(tokens, ROW_WORDS)) {
      return { column, role: 'ignore', rank: 0, reason: `${unique} and the header "${column}" reads as a row number, which carries no signal.` };
    }
    if (entity || id) {
      return { column, role: 'entity_key', rank: entity ? 2 : 1, reason: `${unique} and the header "${column}" names an identifier of an entity.` };
    }
    return { column, role: 'ignore', rank: 0, reason: `${unique}, so it names rows rather than describing them; the header does not name an entity.` };
  }
  const repeating = (profile.kind === 'integer' || profile.kind === 'categorical') && profile.distinct >= ID_MIN_ROWS && profile.distinct < present;
  if (repeating && entity && id) {
    const each = (present / profile.distinct).toFixed(1);
    return {
      column,
      role: 'entity_key',
      rank: 3,
      reason:
        `The header "${column}" names an entity ID whose ${grouped(profile.distinct)} values repeat over ${grouped(present)} rows ` +
        `(${each} each on average); grouping by it keeps an entity's rows on one side of a split.`,
    };
  }
  return null;
}
