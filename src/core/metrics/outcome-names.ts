/** The words for the two outcomes of a binary decision, as the matrix and its reading print them. */
export interface OutcomeNames {
  readonly positive: string;
  readonly negative: string;
}

// Label values that are codes for yes/no rather than words: the label's own name says what "yes" means.
const TRUE_CODES = new Set(['1', 'true', 'yes', 'y', 't']);
const FALSE_CODES = new Set(['0', 'false', 'no', 'n', 'f', '-1']);
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * Names for the positive class and the rest, from the label column's name, the positive class value and the label's
 * other values. Codes read through the label's name (survived = 1 → "survived" / "not survived"); words are kept
 * (spam / ham); other numbers read through the label's name (pclass = 1 / pclass ≠ 1); a word positive class with
 * several others reads as "not <positive>".
 */
export function outcomeNames(label: string, positive: string, others: readonly string[]): OutcomeNames {
  const rest = others.filter((o) => o !== positive);
  const coded = label !== '' && TRUE_CODES.has(positive.toLowerCase()) && rest.every((o) => FALSE_CODES.has(o.toLowerCase())) && rest.length <= 1;
  if (coded) return { positive: label, negative: `not ${label}` };
  // Numbers alone say nothing ("1" of what?): they read with the label's name, "pclass = 1" against "pclass ≠ 1".
  const numeric = (v: string): boolean => NUMBER.test(v);
  if (label !== '' && numeric(positive)) {
    const negative = rest.length === 1 ? (numeric(rest[0]) ? `${label} = ${rest[0]}` : rest[0]) : `${label} ≠ ${positive}`;
    return { positive: `${label} = ${positive}`, negative };
  }
  return { positive, negative: rest.length === 1 ? rest[0] : `not ${positive}` };
}

/**
 * The contract's own words for the outcomes where the user gave them, each one falling back to the derived word when
 * left empty (so renaming only the positive outcome keeps the derived negative).
 */
export function renamedOutcomes(derived: OutcomeNames, given?: Partial<OutcomeNames> | null): OutcomeNames {
  const pick = (word: string | undefined, fallback: string): string => (word && word.trim() !== '' ? word.trim() : fallback);
  return { positive: pick(given?.positive, derived.positive), negative: pick(given?.negative, derived.negative) };
}

/** A class value as a table header reads it: a bare number reads through the label's name ("pclass = 1"), words stay. */
export function className(label: string, value: string): string {
  return label !== '' && NUMBER.test(value) ? `${label} = ${value}` : value;
}
