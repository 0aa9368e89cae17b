/** The ways a row can disagree with the inference contract (a missing column stops the job instead). */
export type IssueKind = 'wrong_type' | 'out_of_range' | 'unseen_category' | 'unexpected_missing' | 'ragged_row';

/** Every issue kind, in the order reports list them. */
export const ISSUE_KINDS: readonly IssueKind[] = ['wrong_type', 'out_of_range', 'unseen_category', 'unexpected_missing', 'ragged_row'];

/** Per kind: reject the row (it goes to the rejects file, unscored) or score it and flag it. */
export type IssuePolicy = Readonly<Record<IssueKind, 'reject' | 'flag'>>;

/**
 * Defaults: a value that is not of the column's type, or a row with the wrong number of fields, is rejected (scoring it
 * would mean guessing); values the model can still encode (out of range, unseen, missing) are scored and flagged.
 */
export const DEFAULT_ISSUE_POLICY: IssuePolicy = {
  wrong_type: 'reject', out_of_range: 'flag', unseen_category: 'flag', unexpected_missing: 'flag', ragged_row: 'reject',
};

/** Parses `kind=reject|flag` pairs (comma-separated) over the defaults; throws naming the bad part. */
export function parseIssuePolicy(text: string, base: IssuePolicy = DEFAULT_ISSUE_POLICY): IssuePolicy {
  const policy: Record<IssueKind, 'reject' | 'flag'> = { ...base };
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [kind, action] = part.split('=');
    if (!ISSUE_KINDS.includes(kind as IssueKind)) throw new Error(`unknown issue kind "${kind}" (known: ${ISSUE_KINDS.join(', ')})`);
    if (action !== 'reject' && action !== 'flag') throw new Error(`"${part}": the action must be reject or flag`);
    policy[kind as IssueKind] = action;
  }
  return policy;
}
