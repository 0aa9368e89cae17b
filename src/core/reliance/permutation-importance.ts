import { LOG_LOSS_EPS } from '../metrics/log-loss.ts';
import { percentile } from '../metrics/percentile.ts';
import { rocAuc } from '../metrics/roc-auc.ts';
import { createRandom, deriveSeed, shuffleInPlace } from '../random.ts';

/** One source column's importance: mean drop in quality when its values are shuffled, with the 2.5–97.5% range over repeats. */
export interface ColumnImportance {
  readonly column: string;
  readonly mean: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
}

/** Permutation importance on one split; `metric` is ΔAUC (binary) or Δ log loss (multiclass), positive = relied on. */
export interface PermutationImportance {
  readonly metric: 'roc_auc' | 'log_loss';
  readonly split: 'validation';
  /** The unpermuted metric on the rows used. */
  readonly base: number | null;
  readonly rows: number;
  readonly repeats: number;
  readonly seed: number;
  readonly columns: readonly ColumnImportance[];
  /** Why there are no values (e.g. one class in the validation split), when there are none. */
  readonly note?: string;
}

/** What permutation importance needs: the [n, d] design, targets, the model as a function, and the column groups. */
export interface ImportanceInput {
  readonly x: Float32Array;
  readonly d: number;
  /** 0/1 labels (binary) or class indices (multiclass, with `classes` > 2). */
  readonly y: Uint8Array;
  readonly classes: number;
  /** Scores a [m, d] design: m scores (binary) or m × classes probabilities row-major. */
  readonly predict: (x: Float32Array, m: number) => Promise<Float64Array>;
  /**
   * Optional, for a model that can score a shuffled copy without it being built (the host softmax model): `predict`
   * of x with the columns `inputs` taken from row order[i]. Given, each copy is scored through it, one call each.
   */
  readonly predictPermuted?: (x: Float32Array, m: number, inputs: readonly number[], order: Int32Array) => Promise<Float64Array>;
  readonly groups: readonly { readonly column: string; readonly inputs: readonly number[] }[];
  readonly seed: number;
  readonly repeats?: number;
  /** At most this many rows (a seeded sample) are scored per repeat; default 4000. */
  readonly maxRows?: number;
  /** Rows per predict call when stacking shuffled copies; default 65,536. */
  readonly maxBatchRows?: number;
}

// Salt for the importance stream, so it never replays the split's or the bootstrap's draws for the same seed.
const IMPORTANCE_SALT = 0x1a7e5;

function multiLogLoss(p: Float64Array, y: Uint8Array, k: number): number | null {
  if (y.length === 0) return null;
  let total = 0;
  for (let i = 0; i < y.length; i++) total -= Math.log(Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p[i * k + y[i]])));
  return total / y.length;
}

/**
 * Shuffles each source column's inputs together across rows (`repeats` times, seeded through core/random) and
 * measures how much the model gets worse: AUC(base) − AUC(shuffled), or logloss(shuffled) − logloss(base). Sorted
 * by mean, largest first; same inputs and seed give the same numbers.
 */
export async function permutationImportance(input: ImportanceInput): Promise<PermutationImportance> {
  const { d, classes } = input;
  const repeats = input.repeats ?? 10;
  const multi = classes > 2;
  const random = createRandom(deriveSeed(input.seed, IMPORTANCE_SALT));
  const total = input.y.length;
  const maxRows = input.maxRows ?? 4000;
  const pick = total > maxRows ? shuffleInPlace(Int32Array.from({ length: total }, (_, i) => i), random).slice(0, maxRows).sort() : null;
  const n = pick ? pick.length : total;
  const x = pick ? new Float32Array(n * d) : input.x;
  const y = pick ? new Uint8Array(n) : input.y;
  if (pick) pick.forEach((r, i) => { x.set(input.x.subarray(r * d, (r + 1) * d), i * d); y[i] = input.y[r]; });
  const quality = async (design: Float32Array): Promise<number | null> => {
    const out = await input.predict(design, n);
    return multi ? multiLogLoss(out, y, classes) : rocAuc(out, y);
  };
  const metric = multi ? 'log_loss' : 'roc_auc';
  const base = await quality(x);
  const head = { metric, split: 'validation', base, rows: n, repeats, seed: input.seed } as const;
  if (base === null) {
    return { ...head, columns: input.groups.map((g) => ({ column: g.column, mean: null, lo: null, hi: null })), note: multi ? 'the validation split has no rows' : 'the validation split has only one class, so AUC is undefined' };
  }
  // Every (column, repeat) copy of the design is stacked into as few predict calls as fit a row budget: on a GPU
  // backend one call per copy would cost hundreds of kernel dispatches.
  const drops = input.groups.map(() => new Float64Array(repeats));
  const width = multi ? classes : 1;
  const drop = (g: number, r: number, scores: Float64Array) => {
    const q = (multi ? multiLogLoss(scores, y, classes) : rocAuc(scores, y)) as number;
    drops[g][r] = multi ? q - base : base - q;
  };
  const perCall = Math.max(1, Math.floor((input.maxBatchRows ?? 65_536) / Math.max(1, n)));
  const tasks = input.groups.flatMap((_, g) => Array.from({ length: repeats }, (_, r) => [g, r] as const));
  const order = new Int32Array(n);
  const shuffled = () => {
    for (let i = 0; i < n; i++) order[i] = i;
    return shuffleInPlace(order, random);
  };
  // The same draws in the same order either way, so both give the same numbers.
  const permuted = input.predictPermuted;
  if (permuted) {
    for (const [g, r] of tasks) drop(g, r, await permuted(x, n, input.groups[g].inputs, shuffled()));
  } else {
    for (let start = 0; start < tasks.length; start += perCall) {
      const chunk = tasks.slice(start, start + perCall);
      const batch = new Float32Array(chunk.length * n * d);
      chunk.forEach(([g, _r], c) => {
        shuffled();
        const copy = batch.subarray(c * n * d, (c + 1) * n * d);
        copy.set(x);
        for (let i = 0; i < n; i++) for (const j of input.groups[g].inputs) copy[i * d + j] = x[order[i] * d + j];
      });
      const out = await input.predict(batch, chunk.length * n);
      chunk.forEach(([g, r], c) => drop(g, r, out.subarray(c * n * width, (c + 1) * n * width)));
    }
  }
  const columns: ColumnImportance[] = input.groups.map((group, g) => {
    const sorted = drops[g].slice().sort();
    return { column: group.column, mean: drops[g].reduce((a, b) => a + b, 0) / repeats, lo: percentile(sorted, 0.025), hi: percentile(sorted, 0.975) };
  });
  columns.sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
  return { ...head, columns };
}
