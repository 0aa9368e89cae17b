import { cellText } from '../data/column.ts';
import { csvCell } from '../data/csv-cell.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';

/**
 * A CSV of chosen rows for a regression test: header `row_index,<columns...>,label,score,predicted,threshold,model_id`,
 * one line per selected row, "\n" line ends. Cells are quoted per RFC 4180 when they hold a comma, quote, CR or LF;
 * numbers print in their shortest round-trip form (String(number)) so scores reload bit-exact; missing cells are
 * empty; predicted is 1 when score >= threshold.
 *
 * The caller must pass only non-PII columns: the fixture is meant to be saved and shared.
 */
export function regressionFixtureCsv(
  snapshot: Snapshot,
  columns: readonly string[],
  selected: readonly { readonly row: number; readonly score: number; readonly label: 0 | 1 }[],
  threshold: number,
  modelId: string,
): string {
  const cols = columns.map((name) => columnByName(snapshot, name));
  const lines = [['row_index', ...columns, 'label', 'score', 'predicted', 'threshold', 'model_id'].map(csvCell).join(',')];
  for (const s of selected) {
    if (!Number.isInteger(s.row) || s.row < 0 || s.row >= snapshot.rowCount) throw new RangeError(`row ${s.row} is not in ${snapshot.fileName}`);
    const cells = [String(s.row), ...cols.map((c) => cellText(c, s.row) ?? ''), String(s.label), String(s.score), s.score >= threshold ? '1' : '0', String(threshold), modelId];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}
