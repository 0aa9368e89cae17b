import { NEAR_THRESHOLD, type ReferenceProfile, type Distribution } from './reference-profile.ts';
import { binOf } from './psi.ts';

/** New data counted against one reference distribution: PSI bins and the percentile grid for KS. */
export class DistributionCounts {
  readonly bins: Float64Array;
  /** Values v with percentiles[k-1] < v <= percentiles[k] (k = 0 takes every v <= p0); values above p100 are not here. */
  readonly grid: Float64Array;
  belowFirst = 0;
  total = 0;
  missing = 0;

  constructor(readonly reference: Distribution) {
    this.bins = new Float64Array(reference.edges.length + 1);
    this.grid = new Float64Array(reference.percentiles.length);
  }

  add(v: number): void {
    if (Number.isNaN(v)) {
      this.missing++;
      return;
    }
    this.total++;
    this.bins[binOf(this.reference.edges, v)]++;
    const p = this.reference.percentiles;
    if (p.length === 0) return;
    if (v < p[0]) this.belowFirst++;
    // First percentile >= v (lower bound).
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo < p.length) this.grid[lo]++;
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
