import { cellText } from '../data/column.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { ScoredRows } from '../evaluation/evaluation-report.ts';
import { predictDense } from '../models/dense-stack.ts';
import { RowEncoder, type CellIssue } from './row-encoder.ts';
import { maskValue } from './score-columns.ts';
import type { ScoringBundle } from './scoring-bundle.ts';
import { DEFAULT_ISSUE_POLICY, ISSUE_KINDS, type IssueKind, type IssuePolicy } from './validation-policy.ts';

/** One cell (or row) of the current split that the champion's inference contract refuses; `row` is 1-based. */
export interface ChampionReject {
  readonly row: number;
  readonly column: string;
  readonly kind: IssueKind;
  /** The cell as written, masked (`*** (n characters)`) for the contract's PII columns. */
  readonly value: string;
}

/** The champion's scores on the current test rows it accepts, and what it refused. */
export interface ChampionScores {
  readonly bundleId: string;
  /** Accepted rows only, in the order of the run's test rows; labels are the run's. */
  readonly test: ScoredRows;
  /** Test rows the contract rejected (not scored). */
  readonly rejectedRows: number;
  /** Scored rows that carried an issue the policy only flags. */
  readonly flaggedRows: number;
  /** Issues seen per kind (counted per cell), whatever the policy did with them. */
  readonly issues: Readonly<Record<IssueKind, number>>;
  readonly rejects: readonly ChampionReject[];
}

/**
 * Scores the current snapshot's test rows (`test.rows`, 0-based snapshot rows; labels from the current run) with a
 * champion bundle's own preprocessing and model. Each row is validated against the bundle's inference contract first,
 * exactly as batch scoring does: rejected rows are counted and listed (1-based row, column, reason; PII masked) and
 * left out of `test`. Throws one line when the snapshot lacks a column the champion needs.
 */
export function scoreChampion(
  bundle: ScoringBundle, snapshot: Pick<Snapshot, 'columns' | 'fileName'>, test: Pick<ScoredRows, 'rows' | 'labels'>, policy: IssuePolicy = DEFAULT_ISSUE_POLICY,
): ChampionScores {
  const { contract, preprocessing } = bundle;
  const needed = preprocessing.steps.map((s) => s.column);
  const byName = new Map(snapshot.columns.map((c) => [c.name, c]));
  const absent = needed.filter((name) => !byName.has(name));
  if (absent.length) {
    throw new Error(`${snapshot.fileName} lacks ${absent.length === 1 ? 'the column' : 'the columns'} ${absent.map((n) => `"${n}"`).join(', ')} that champion ${bundle.id} needs; nothing was scored`);
  }
  const columns = needed.map((name) => byName.get(name) as NonNullable<ReturnType<typeof byName.get>>);
  const encoder = new RowEncoder(preprocessing, contract, needed);
  const missingText = contract.missing_tokens.includes('') ? '' : (contract.missing_tokens[0] ?? '');
  const pii = new Set(contract.pii_columns);
  const width = encoder.width;
  const x = new Float64Array(width * test.rows.length);
  const kept: number[] = [];
  const rejects: ChampionReject[] = [];
  const issues: CellIssue[] = [];
  const fields: string[] = new Array(columns.length);
  let flagged = 0;
  const counts = Object.fromEntries(ISSUE_KINDS.map((k) => [k, 0])) as Record<IssueKind, number>;
  for (let i = 0; i < test.rows.length; i++) {
    const row = test.rows[i];
    for (let c = 0; c < columns.length; c++) fields[c] = cellText(columns[c], row) ?? missingText;
    issues.length = 0;
    const base = kept.length * width;
    x.fill(0, base, base + width);
    encoder.encode(fields, x, base, issues);
    for (const issue of issues) counts[issue.kind]++;
    if (issues.some((issue) => policy[issue.kind] === 'reject')) {
      for (const issue of issues) rejects.push({ row: row + 1, column: issue.column, kind: issue.kind, value: pii.has(issue.column) ? maskValue(issue.value) : issue.value });
      continue;
    }
    if (issues.length) flagged++;
    kept.push(i);
  }
  const n = kept.length;
  const out = n ? predictDense(bundle.model, x.subarray(0, n * width), n) : new Float64Array(0);
  const k = n ? out.length / n : 1;
  const positive = contract.task === 'multiclass' ? Math.max(0, contract.classes.indexOf(contract.positive_class)) : 0;
  const scores = new Float64Array(n);
  for (let r = 0; r < n; r++) scores[r] = out[r * k + positive];
  return {
    bundleId: bundle.id,
    test: { rows: Int32Array.from(kept, (i) => test.rows[i]), scores, labels: Uint8Array.from(kept, (i) => test.labels[i]) },
    rejectedRows: test.rows.length - n, flaggedRows: flagged, issues: counts, rejects,
  };
}
