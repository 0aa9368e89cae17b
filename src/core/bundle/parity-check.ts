import { csvCell } from '../data/csv-cell.ts';
import { parseCsv } from '../data/parse-csv.ts';
import { transform } from '../features/transform.ts';
import type { Preprocessing } from '../features/preprocessing.ts';
import type { ParityFileJson } from './bundle-schemas.ts';

/** What re-scoring parity.json found: the largest |expected − computed| and where, against the file's tolerance. */
export interface ParityVerdict {
  readonly rows: number;
  /** Values compared: one score per row, or every class probability per row for a multiclass bundle. */
  readonly values: number;
  readonly tolerance: number;
  readonly maxGap: number;
  /** Row index (0-based, in parity.json) of the largest gap; -1 when there are no rows. */
  readonly worstRow: number;
  readonly ok: boolean;
}

/**
 * The model input matrix for parity.json's rows, row-major [rows, outputNames.length]: the raw cells are written as a
 * CSV and read back by the app's own parser (with the contract's missing tokens, null cells empty), then sent through
 * `transform` with the bundle's preprocessing, exactly the path a CSV takes at scoring time.
 */
export async function parityMatrix(parity: ParityFileJson, preprocessing: Preprocessing, missingTokens: readonly string[] = []): Promise<Float32Array> {
  const width = preprocessing.outputNames.length;
  if (parity.rows.length === 0) return new Float32Array(0);
  const header = parity.features.map(csvCell).join(',');
  const lines = parity.rows.map((r) => parity.features.map((f) => csvCell(r.inputs[f] ?? '')).join(','));
  const parsed = await parseCsv(new TextEncoder().encode(`${[header, ...lines].join('\n')}\n`), 'parity.json', { missingTokens });
  if (!parsed.ok) throw new Error(`parity.json rows do not read as a table: ${parsed.error.message}`);
  const x = transform(preprocessing, parsed.snapshot, Int32Array.from(parity.rows.keys()));
  if (x.length !== parity.rows.length * width) throw new Error(`parity.json rows give ${x.length} inputs, expected ${parity.rows.length * width}`);
  return x;
}

/**
 * Compares computed outputs with parity.json's expectations. `computed` is the model's output, row-major: one score
 * per row, or `classes` probabilities per row when the rows carry `expected_probabilities` (compared then instead).
 */
export function compareParity(parity: ParityFileJson, computed: ArrayLike<number>, classes = 1): ParityVerdict {
  let maxGap = 0;
  let worstRow = parity.rows.length ? 0 : -1;
  let values = 0;
  parity.rows.forEach((row, i) => {
    const expected = row.expected_probabilities ?? [row.expected_score];
    const width = row.expected_probabilities ? classes : 1;
    expected.forEach((value, j) => {
      const got = computed[i * width + j];
      const gap = got === undefined || Number.isNaN(got) ? Infinity : Math.abs(got - value);
      values++;
      if (gap > maxGap) {
        maxGap = gap;
        worstRow = i;
      }
    });
  });
  return { rows: parity.rows.length, values, tolerance: parity.tolerance, maxGap, worstRow, ok: maxGap <= parity.tolerance };
}
