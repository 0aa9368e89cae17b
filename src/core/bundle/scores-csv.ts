import type { ScoredSplit } from '../train/train-outcome.ts';

/**
 * Per-row scores as CSV: `row_index` (0-based data row in the source file), `label` (1 = positive class) and `score`
 * printed with round-trip precision, so anyone can recompute every metric outside the app.
 */
export function scoresCsv(split: ScoredSplit): string {
  const lines = ['row_index,label,score'];
  split.rows.forEach((row, i) => lines.push(`${row},${split.labels[i]},${split.scores[i]}`));
  return `${lines.join('\n')}\n`;
}
