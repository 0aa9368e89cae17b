import { cellText } from '../data/column.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import type { TrainOutcome } from '../train/train-outcome.ts';

/** One parity row: raw feature cells as the CSV wrote them (null = missing) and the score the bundle's model gave it. */
export interface ParityRow {
  readonly inputs: Readonly<Record<string, string | null>>;
  readonly expected_score: number;
  /** Multiclass only: every class probability, in `classes` order. */
  readonly expected_probabilities?: readonly number[];
}

/** `parity.json`: rows any scorer can replay through preprocessing.json and the model to prove it computes the same scores. */
export interface ParityFile {
  readonly format: 1;
  readonly source: 'test-split';
  readonly features: readonly string[];
  /** Absolute difference a float32 scorer may show against `expected_score` and still agree. */
  readonly tolerance: number;
  readonly rows: readonly ParityRow[];
  readonly note: string;
}

/**
 * The first `count` test rows, feature columns only, with the test score the run computed for them (the same
 * preprocessing and model path as scoring). Refuses (no rows, with the reason) when a feature is a PII column.
 */
export function parityFile(snapshot: Snapshot, outcome: TrainOutcome, piiColumns: readonly string[], count: number): ParityFile {
  const features = outcome.contract.features;
  const base = { format: 1 as const, source: 'test-split' as const, features, tolerance: 1e-6 };
  const pii = features.filter((c) => piiColumns.includes(c));
  if (pii.length) return { ...base, rows: [], note: `No rows: feature column${pii.length > 1 ? 's' : ''} ${pii.join(', ')} ${pii.length > 1 ? 'are' : 'is'} PII.` };
  const columns = features.map((name) => columnByName(snapshot, name));
  const k = outcome.classes?.length ?? 0;
  const { test } = outcome;
  const n = Math.min(Math.max(0, Math.floor(count)), test.rows.length);
  const rows: ParityRow[] = [];
  for (let i = 0; i < n; i++) {
    const row = test.rows[i];
    const inputs: Record<string, string | null> = {};
    features.forEach((name, j) => { inputs[name] = cellText(columns[j], row); });
    rows.push({
      inputs, expected_score: test.scores[i],
      ...(k && test.probabilities ? { expected_probabilities: Array.from(test.probabilities.subarray(i * k, (i + 1) * k)) } : {}),
    });
  }
  return { ...base, rows, note: 'Feature cells of the first test rows (never a PII column), with the score this model gave each; scores are float32 widened to float64.' };
}
