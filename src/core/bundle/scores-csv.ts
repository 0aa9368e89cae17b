import { csvCell } from '../data/csv-cell.ts';
import type { ScoredSplit } from '../train/train-outcome.ts';

/**
 * Per-row scores as CSV: `row_index` (0-based data row in the source file), `label` (1 = positive class) and `score`
 * printed with round-trip precision, so anyone can recompute every metric outside the app. A multiclass run adds the
 * row's `class` and one `p_<class>` column per class, in the model's output order.
 */
export function scoresCsv(split: ScoredSplit, classes?: readonly string[]): string {
  const { probabilities, classIndex } = split;
  const multi = classes && probabilities && classIndex ? { classes, probabilities, classIndex } : null;
  const header = ['row_index', 'label', 'score', ...(multi ? ['class', ...multi.classes.map((c) => csvCell(`p_${c}`))] : [])];
  const lines = [header.join(',')];
  const k = multi?.classes.length ?? 0;
  split.rows.forEach((row, i) => {
    const base = `${row},${split.labels[i]},${split.scores[i]}`;
    if (!multi) { lines.push(base); return; }
    lines.push(`${base},${csvCell(multi.classes[multi.classIndex[i]])},${Array.from(multi.probabilities.subarray(i * k, i * k + k)).join(',')}`);
  });
  return `${lines.join('\n')}\n`;
}
