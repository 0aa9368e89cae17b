/** Up to `limit` values as `"a", "b", "c"`, then "and N more", so a message stays one readable sentence. */
export function quoteList(values: readonly string[], limit = 5): string {
  const shown = values.slice(0, limit).map((v) => `"${v}"`).join(', ');
  return values.length > limit ? `${shown} and ${values.length - limit} more` : shown;
}
