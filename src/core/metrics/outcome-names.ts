/** The words for the two outcomes of a binary decision, as the matrix and its reading print them. */
export interface OutcomeNames {
  readonly positive: string;
  readonly negative: string;
}

// Label values that are codes for yes/no rather than words: the label's own name says what "yes" means.
const TRUE_CODES = new Set(['1', 'true', 'yes', 'y', 't']);
const FALSE_CODES = new Set(['0', 'false', 'no', 'n', 'f', '-1']);

/**
 * Names for the positive class and the rest, from the label column's name, the positive class value and the label's
 * other values. Codes read through the label's name (survived = 1 → "survived" / "not survived"); words are kept
 * (spam / ham); a positive class with several others reads as "not <positive>".
 */
export function outcomeNames(label: string, positive: string, others: readonly string[]): OutcomeNames {
  const rest = others.filter((o) => o !== positive);
  const coded = label !== '' && TRUE_CODES.has(positive.toLowerCase()) && rest.every((o) => FALSE_CODES.has(o.toLowerCase())) && rest.length <= 1;
  if (coded) return { positive: label, negative: `not ${label}` };
  return { positive, negative: rest.length === 1 ? rest[0] : `not ${positive}` };
}
