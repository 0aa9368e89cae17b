import { pairedBootstrap, type PairedBootstrapResult } from '../metrics/bootstrap.ts';
import { confusionMatrix } from '../metrics/confusion.ts';

/** Costs of one false positive and one false negative, in the user's units. */
export interface Costs {
  readonly fp: number;
  readonly fn: number;
}

/** One snapshot scored by both bundles: per row (n) its number, a listable key or null, both scores, label and slice. */
export interface ShadowInput {
  readonly rows: readonly number[];
  /** Entity key per row, or null when the key is PII or absent (rows are then listed by number only). */
  readonly keys: readonly string[] | null;
  readonly champion: Float64Array;
  readonly candidate: Float64Array;
  readonly championThreshold: number;
  readonly candidateThreshold: number;
  readonly labels: readonly (0 | 1 | null)[] | null;
  readonly slices: readonly string[] | null;
  readonly costs: Costs | null;
  /** Most disagreeing rows listed (default 50). */
  readonly maxListed?: number;
  readonly seed: number;
  readonly resamples?: number;
}

/** One row where the decisions differ. */
export interface Disagreement {
  readonly row: number;
  readonly key?: string;
  readonly champion_score: number;
  readonly candidate_score: number;
  readonly champion_decision: 0 | 1;
  readonly candidate_decision: 0 | 1;
  readonly label?: 0 | 1 | null;
}

/** Cost per model and the change from switching (candidate − champion), totals and per row. */
export interface SwitchingCost {
  readonly costs: Costs;
  /** Expected cost over all rows when each model's own score is taken as the probability of the positive class. */
  readonly expected: { readonly champion: number; readonly candidate: number; readonly change: number; readonly change_per_row: number };
  /** FP·cost_fp + FN·cost_fn on labelled rows; null with no labelled row. */
  readonly realised: { readonly rows: number; readonly champion: number; readonly candidate: number; readonly change: number; readonly change_per_row: number } | null;
}

/** The shadow comparison: disagreement overall and by slice, the rows listed, switching cost and paired deltas. */
export interface ShadowReport {
  readonly rows: number;
  readonly disagreements: number;
  readonly disagreement_rate: number | null;
  /** Candidate says positive where the champion said negative, and the reverse. */
  readonly newly_positive: number;
  readonly newly_negative: number;
  readonly by_slice: readonly { readonly value: string; readonly rows: number; readonly disagreements: number; readonly rate: number }[] | null;
  readonly listed: readonly Disagreement[];
  readonly listed_capped: boolean;
  readonly switching_cost: SwitchingCost | null;
  /** Candidate − champion on labelled rows, each at its own threshold; null without labels of both classes. */
  readonly paired: (PairedBootstrapResult & { readonly labelled_rows: number }) | null;
}

function expectedCost(scores: Float64Array, t: number, c: Costs): number {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i];
    sum += p >= t ? (1 - p) * c.fp : p * c.fn;
  }
  return sum;
}

function switching(input: ShadowInput, costs: Costs): SwitchingCost {
  const n = input.rows.length;
  const champion = expectedCost(input.champion, input.championThreshold, costs);
  const candidate = expectedCost(input.candidate, input.candidateThreshold, costs);
  let realised: SwitchingCost['realised'] = null;
  const idx = input.labels ? input.labels.flatMap((l, r) => (l === null ? [] : [r])) : [];
  if (input.labels && idx.length) {
    const y = Uint8Array.from(idx, (r) => input.labels?.[r] as number);
    const cost = (s: Float64Array, t: number) => {
      const m = confusionMatrix(Float64Array.from(idx, (r) => s[r] as number), y, t);
      return m.fp * costs.fp + m.fn * costs.fn;
    };
    const a = cost(input.champion, input.championThreshold);
    const b = cost(input.candidate, input.candidateThreshold);
    realised = { rows: idx.length, champion: a, candidate: b, change: b - a, change_per_row: (b - a) / idx.length };
  }
  return { costs, expected: { champion, candidate, change: candidate - champion, change_per_row: n ? (candidate - champion) / n : 0 }, realised };
}

function paired(input: ShadowInput): ShadowReport['paired'] {
  if (!input.labels) return null;
  const idx = input.labels.flatMap((l, r) => (l === null ? [] : [r]));
  const y = Uint8Array.from(idx, (r) => input.labels?.[r] as number);
  const positives = y.reduce((a, b) => a + b, 0);
  if (positives === 0 || positives === y.length) return null;
  const pick = (s: Float64Array) => Float64Array.from(idx, (r) => s[r] as number);
  const result = pairedBootstrap(pick(input.champion), pick(input.candidate), y, input.championThreshold, input.candidateThreshold, { seed: input.seed, resamples: input.resamples ?? 1000 });
  return { ...result, labelled_rows: idx.length };
}

/** Compares a champion and a candidate on the same rows; decisions are positive when score ≥ the model's own threshold. */
export function shadowReport(input: ShadowInput): ShadowReport {
  const n = input.rows.length;
  const max = input.maxListed ?? 50;
  const listed: Disagreement[] = [];
  const bySlice = new Map<string, { rows: number; disagreements: number }>();
  let disagreements = 0;
  let up = 0;
  for (let r = 0; r < n; r++) {
    const a = (input.champion[r] as number) >= input.championThreshold ? 1 : 0;
    const b = (input.candidate[r] as number) >= input.candidateThreshold ? 1 : 0;
    const differ = a !== b;
    if (input.slices) {
      const value = input.slices[r] ?? '';
      const s = bySlice.get(value) ?? { rows: 0, disagreements: 0 };
      s.rows++;
      if (differ) s.disagreements++;
      bySlice.set(value, s);
    }
    if (!differ) continue;
    disagreements++;
    if (b === 1) up++;
    if (listed.length < max) {
      listed.push({
        row: input.rows[r] as number, ...(input.keys ? { key: input.keys[r] } : {}),
        champion_score: input.champion[r] as number, candidate_score: input.candidate[r] as number, champion_decision: a, candidate_decision: b,
        ...(input.labels ? { label: input.labels[r] ?? null } : {}),
      });
    }
  }
  return {
    rows: n, disagreements, disagreement_rate: n ? disagreements / n : null, newly_positive: up, newly_negative: disagreements - up,
    by_slice: input.slices ? [...bySlice].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([value, s]) => ({ value, ...s, rate: s.disagreements / s.rows })) : null,
    listed, listed_capped: disagreements > listed.length,
    switching_cost: input.costs ? switching(input, input.costs) : null,
    paired: paired(input),
  };
}
