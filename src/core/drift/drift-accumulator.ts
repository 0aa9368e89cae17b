import { NEAR_THRESHOLD, type ReferenceProfile, type Distribution } from './reference-profile.ts';
import { binOf } from './psi.ts';

/** Cells of the lookup table that starts each percentile search. */
const LOOKUP_CELLS = 512;

/** First index k with sorted[k] >= v (sorted.length when none). */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** New data counted against one reference distribution: PSI bins and the percentile grid for KS. */
export class DistributionCounts {
  readonly bins: Float64Array;
  /** Values v with percentiles[k-1] < v <= percentiles[k] (k = 0 takes every v <= p0); values above p100 are not here. */
  readonly grid: Float64Array;
  belowFirst = 0;
  total = 0;
  missing = 0;

  readonly #edges: Float64Array;
  readonly #percentiles: Float64Array;
  /** PSI bin of a value equal to percentiles[k]; null when some edge is not a percentile (then bins are searched). */
  readonly #binAt: Int32Array | null;
  /** Lower bound of the percentiles at LOOKUP_CELLS + 1 evenly spaced points from p0 to p100, to start each search near. */
  readonly #lookup: Int32Array;
  readonly #scale: number;

  constructor(readonly reference: Distribution) {
    this.bins = new Float64Array(reference.edges.length + 1);
    this.grid = new Float64Array(reference.percentiles.length);
    // Typed copies (the reference comes from JSON): this runs once per value of every scored row.
    this.#edges = Float64Array.from(reference.edges);
    this.#percentiles = Float64Array.from(reference.percentiles);
    // PSI edges are the 10%..90% quantiles, so they are among the percentiles: one search of the percentiles then
    // gives both the KS grid cell and the PSI bin (no edge lies strictly between two neighbouring percentiles).
    const edgesArePercentiles = reference.edges.every((e) => reference.percentiles.includes(e));
    this.#binAt = edgesArePercentiles ? Int32Array.from(reference.percentiles, (q) => binOf(this.#edges, q)) : null;
    const p = this.#percentiles;
    const span = p.length ? (p[p.length - 1] as number) - (p[0] as number) : 0;
    this.#scale = span > 0 && Number.isFinite(span) ? LOOKUP_CELLS / span : 0;
    this.#lookup = Int32Array.from({ length: this.#scale ? LOOKUP_CELLS + 1 : 0 }, (_, b) => lowerBound(p, (p[0] as number) + b / this.#scale));
  }

  /** First k with percentiles[k] >= v: a lookup cell, then a step or two (a binary search mispredicts at every level). */
  #lowerBound(v: number): number {
    const p = this.#percentiles;
    if (!this.#scale || !(v >= p[0] && v <= p[p.length - 1])) return lowerBound(p, v);
    let lo = this.#lookup[Math.min(Math.floor((v - p[0]) * this.#scale), LOOKUP_CELLS)];
    // Rounding in the cell's left end may put the start one off either way; these walks make it exact.
    while (lo > 0 && p[lo - 1] >= v) lo--;
    while (p[lo] < v) lo++;
    return lo;
  }

  add(v: number): void {
    if (Number.isNaN(v)) {
      this.missing++;
      return;
    }
    this.total++;
    const p = this.#percentiles;
    const binAt = this.#binAt;
    if (p.length === 0 || !binAt) this.bins[binOf(this.#edges, v)]++;
    if (p.length === 0) return;
    if (v < p[0]) this.belowFirst++;
    const lo = this.#lowerBound(v);
    if (lo < p.length) this.grid[lo]++;
    if (binAt) this.bins[lo === p.length ? this.#edges.length : v === p[lo] ? binAt[lo] : lo === 0 ? 0 : binAt[lo - 1]]++;
  }

  /** Cumulative counts: new values <= percentiles[k]. */
  atOrBelow(): Float64Array {
    const out = new Float64Array(this.grid.length);
    let sum = 0;
    for (let k = 0; k < out.length; k++) out[k] = sum += this.grid[k];
    return out;
  }
}

/** Category counts of new data by matching key, plus missing cells. */
export class CategoryCounts {
  readonly counts = new Map<string, number>();
  missing = 0;
  total = 0;

  add(key: string | null): void {
    if (key === null) {
      this.missing++;
      return;
    }
    this.total++;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

/** Streams new rows (raw feature values per input column, and scores) into counts against a reference profile. */
export class DriftAccumulator {
  readonly features: (DistributionCounts | CategoryCounts)[];
  readonly scores: DistributionCounts | null;
  rows = 0;

  /** `columns` are the input columns in the order `add` receives them (the preprocessing steps' order). */
  constructor(readonly reference: ReferenceProfile, readonly columns: readonly string[]) {
    this.features = columns.map((name) => {
      const ref = reference.columns.find((c) => c.name === name);
      if (!ref) throw new Error(`reference-profile.json has no column "${name}"`);
      return ref.kind === 'numeric' ? new DistributionCounts(ref) : new CategoryCounts();
    });
    const scoreRef = reference.scores.test ?? reference.scores.validation;
    this.scores = scoreRef ? new DistributionCounts(scoreRef) : null;
  }

  /** One row's raw values: `numbers[i]` for numeric columns (NaN = missing), `keys[i]` for categoricals (null = missing). */
  addRow(numbers: Float64Array, keys: readonly (string | null)[]): void {
    this.rows++;
    for (let i = 0; i < this.features.length; i++) {
      const f = this.features[i];
      if (f instanceof DistributionCounts) f.add(numbers[i]);
      else f.add(keys[i]);
    }
  }

  /** Scored rows within NEAR_THRESHOLD of the threshold, and the sum of |p − threshold| over scored rows. */
  nearThreshold = 0;
  distanceSum = 0;

  /** One scored row's positive-class probability. */
  addScore(p: number): void {
    if (!this.scores) return;
    this.scores.add(p);
    const distance = Math.abs(p - this.reference.threshold);
    this.distanceSum += distance;
    if (distance < NEAR_THRESHOLD) this.nearThreshold++;
  }
}
