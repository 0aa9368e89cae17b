import type { Random } from '../random.ts';
import { kernelMemory, kernelModule } from '../wasm-kernel.ts';
import { BOOTSTRAP_DRAWS_WASM_BASE64 } from './bootstrap-draws-bytes.ts';

/** Which code runs the row bootstrap's loops: WebAssembly (bootstrap-draws.wat) or the JS loops. Same bits either way. */
export type DrawsKind = 'wasm' | 'js';

/** The sums one pass over a resample's counts gives: [tp, fp, area2, apSum, tpAt, fpAt] (see `sweepCounts`). */
export type SweepSums = Float64Array;

/**
 * The row bootstrap's two inner loops over one or two models' tie groups (bootstrap.ts): drawing n rows with
 * replacement into per-(group, label) counts, and one pass over those counts. In WebAssembly the generator runs in
 * locals instead of a JS closure's context, about three times faster, on the same stream: the counts, and so every
 * interval, are the same bits as the JS loops give.
 */
export interface BootstrapDraws {
  readonly kind: DrawsKind;
  /** Per model, counts [2k]: negatives at 2g, positives at 2g + 1 of tie group g (descending score). */
  readonly counts: readonly Float64Array[];
  /** Zeroes the counts, then draws n rows uniformly with replacement from `random`, counting each in every model's bucket. */
  draw(random: Random): void;
  /** One pass over model `which`'s counts (k groups; the first m at or above the threshold) into `sums`. */
  sweep(which: number, k: number, m: number, sums: SweepSums): void;
}

/**
 * The sums of one pass over k tie groups in descending score, in this order, so that every metric of a resample
 * comes from them: tp and fp (totals), twice the ROC area (ties count one half), the AP sum (Σ over groups with
 * positives of t·tp / (tp + fp)), and tp, fp after the first m groups.
 */
export function sweepCounts(counts: Float64Array, k: number, m: number, sums: SweepSums): void {
  let tp = 0;
  let fp = 0;
  let area2 = 0;
  let apSum = 0;
  let tpAt = 0;
  let fpAt = 0;
  for (let g = 0; g < k; g++) {
    const f = counts[2 * g];
    const t = counts[2 * g + 1];
    area2 += f * (2 * tp + t);
    tp += t;
    fp += f;
    if (t > 0) apSum += (t * tp) / (tp + fp);
    if (g + 1 === m) {
      tpAt = tp;
      fpAt = fp;
    }
  }
  sums[0] = tp;
  sums[1] = fp;
  sums[2] = area2;
  sums[3] = apSum;
  sums[4] = tpAt;
  sums[5] = fpAt;
}

function jsDraws(buckets: readonly Uint32Array[], keys: readonly number[]): BootstrapDraws {
  const n = buckets[0].length;
  const counts = keys.map((k) => new Float64Array(k));
  return {
    kind: 'js', counts,
    draw: (random) => {
      for (const c of counts) c.fill(0);
      if (buckets.length === 1) {
        const b = buckets[0];
        const c = counts[0];
        for (let i = 0; i < n; i++) c[b[random.nextInt(n)]]++;
        return;
      }
      for (let i = 0; i < n; i++) {
        const r = random.nextInt(n);
        for (let j = 0; j < buckets.length; j++) counts[j][buckets[j][r]]++;
      }
    },
    sweep: (which, k, m, sums) => sweepCounts(counts[which], k, m, sums),
  };
}

interface DrawsExports {
  draw(n: number, state: number, bucket: number, counts: number, paired: number, bucket2: number, counts2: number): void;
  sweep(counts: number, k: number, m: number, out: number): void;
}

// Below this many rows a fresh memory and instance (about 0.3 ms) cost more than the loops they speed up.
const MIN_ROWS = 256;

/**
 * The loops over one model's buckets (or two, paired on the same draws): bucket[r] is row r's slot 2g + label in
 * counts of length keys[i]. `kind` 'js' forces the JS loops (tests compare the two); otherwise WebAssembly where
 * the engine allows it, from 256 rows up.
 */
export function bootstrapDraws(buckets: readonly Uint32Array[], keys: readonly number[], kind: DrawsKind = 'wasm'): BootstrapDraws {
  if (buckets.length < 1 || buckets.length > 2 || keys.length !== buckets.length) throw new Error('bootstrapDraws takes one or two models');
  const n = buckets[0].length;
  // Layout: generator state (16 bytes), sweep sums (48), then each model's buckets (u32) and counts (f64, 8-aligned).
  const starts: number[] = [];
  let bytes = 64;
  for (let j = 0; j < buckets.length; j++) {
    starts.push(bytes);
    bytes += Math.ceil((n * 4) / 8) * 8;
    starts.push(bytes);
    bytes += keys[j] * 8;
  }
  const module = kind === 'wasm' && n >= MIN_ROWS ? kernelModule(BOOTSTRAP_DRAWS_WASM_BASE64) : null;
  const memory = module ? kernelMemory(bytes) : null;
  if (!module || !memory) return jsDraws(buckets, keys);
  const wasm = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as DrawsExports;
  const state = new Int32Array(memory.buffer, 0, 4);
  const out = new Float64Array(memory.buffer, 16, 6);
  buckets.forEach((b, j) => new Uint32Array(memory.buffer, starts[2 * j], n).set(b));
  const counts = keys.map((k, j) => new Float64Array(memory.buffer, starts[2 * j + 1], k));
  const paired = buckets.length === 2;
  return {
    kind: 'wasm', counts,
    draw: (random) => {
      for (const c of counts) c.fill(0);
      random.save(state);
      wasm.draw(n, 0, starts[0], starts[1], paired ? 1 : 0, paired ? starts[2] : 0, paired ? starts[3] : 0);
      random.restore(state);
    },
    sweep: (which, k, m, sums) => {
      wasm.sweep(starts[2 * which + 1], k, m, 16);
      sums.set(out);
    },
  };
}
