import type { TopValue } from '../data/column-profile.ts';

/** Most top values a profile lists. */
export const TOP_VALUES = 10;

function before(countA: number, valueA: string, countB: number, valueB: string): boolean {
  return countA > countB || (countA === countB && valueA < valueB);
}

/**
 * The `k` most frequent categories by count descending, ties by value ascending (code-point order). A bounded
 * insertion keeps this O(categories × k) rather than sorting a dictionary that may hold a million IDs.
 */
export function topValues(categories: readonly string[], counts: Int32Array, k: number = TOP_VALUES): TopValue[] {
  const best: number[] = [];
  for (let c = 0; c < categories.length; c++) {
    const count = counts[c];
    if (count <= 0) continue;
    const value = categories[c];
    if (best.length === k) {
      const last = best[k - 1];
      if (!before(count, value, counts[last], categories[last])) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && before(count, value, counts[best[at - 1]], categories[best[at - 1]])) at--;
    best.splice(at, 0, c);
  }
  return best.map((c) => ({ value: categories[c], count: counts[c] }));
}
