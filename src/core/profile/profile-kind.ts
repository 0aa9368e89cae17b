import type { ColumnType } from '../data/column.ts';
import type { ProfileKind } from '../data/column-profile.ts';
import type { TextShape } from './text-shape.ts';

/** Fewest present values before uniqueness counts as evidence of an ID. */
export const ID_MIN_ROWS = 20;

/** What `profileKind` needs to know about a column: counts, and the value shape of whichever storage it has. */
export interface KindEvidence {
  readonly storage: ColumnType;
  readonly present: number;
  readonly missing: number;
  readonly distinct: number;
  /** Numeric storage: every present value is whole. */
  readonly whole: boolean;
  /** Categorical storage: lengths and spacing of the values. */
  readonly shape: TextShape | null;
}

/**
 * Free text: over half the present values are distinct, and either at least half of the values have a space between
 * words or the mean length exceeds 50 characters. Spaces are the main signal because names, addresses and comments
 * have them while codes, e-mails and UUIDs do not; the length bound catches long unspaced text without catching UUIDs.
 */
export function isFreeText(e: KindEvidence): boolean {
  if (!e.shape || e.distinct <= e.present / 2) return false;
  return e.shape.spacedShare >= 0.5 || e.shape.meanLength > 50;
}

/**
 * ID-like: at least 20 present values, all distinct, and no more than half the rows missing (a column that most rows
 * lack does not identify rows).
 */
export function isUnique(e: KindEvidence): boolean {
  return e.present >= ID_MIN_ROWS && e.distinct === e.present && e.missing <= e.present;
}

/**
 * The profile kind. boolean and datetime follow storage; numeric becomes integer when every value is whole, and id when
 * it is also unique; categorical becomes text by `isFreeText` (checked first, so unique comments stay text), else id
 * when unique, else categorical. Fractional numbers are never IDs.
 */
export function profileKind(e: KindEvidence): ProfileKind {
  switch (e.storage) {
    case 'boolean':
    case 'datetime':
      return e.storage;
    case 'numeric':
      if (e.present === 0 || !e.whole) return 'numeric';
      return isUnique(e) ? 'id' : 'integer';
    case 'categorical':
      if (isFreeText(e)) return 'text';
      return isUnique(e) ? 'id' : 'categorical';
  }
}
