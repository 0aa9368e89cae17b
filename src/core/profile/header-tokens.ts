/** Words that name an entity a row belongs to, as in customer_id or PassengerId. */
export const ENTITY_WORDS: ReadonlySet<string> = new Set([
  'customer', 'client', 'user', 'account', 'patient', 'passenger', 'member', 'person', 'employee', 'subscriber',
  'student', 'household', 'device', 'session', 'visitor', 'player', 'driver', 'order', 'transaction', 'loan', 'applicant',
]);

/** Words that mark an identifier. */
export const ID_WORDS: ReadonlySet<string> = new Set(['id', 'uuid', 'guid', 'key', 'identifier']);

// Glued spellings such as "userid" or "customerkey" split into their two words.
function unglue(token: string): string[] {
  for (const suffix of ID_WORDS) {
    const head = token.slice(0, -suffix.length);
    if (token.endsWith(suffix) && ENTITY_WORDS.has(head)) return [head, suffix];
  }
  return [token];
}

/**
 * Lower-case words of a header: split at camelCase humps and at anything not a letter or digit, so "PassengerId",
 * "passenger_id", "home.dest" and "userID" become ["passenger","id"], ["passenger","id"], ["home","dest"], ["user","id"].
 */
export function headerTokens(name: string): string[] {
  return name
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '')
    .flatMap(unglue);
}

/** True when any of `words` is one of the header's tokens. */
export function hasToken(tokens: readonly string[], words: Iterable<string>): boolean {
  for (const w of words) if (tokens.includes(w)) return true;
  return false;
}
