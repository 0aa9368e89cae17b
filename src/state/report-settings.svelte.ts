import { DEFAULT_SEED, type SliceSpec } from '../core/index.ts';
import type { EvaluateSettings } from '../workers/protocol.ts';

/** What the full report computes besides the headline: slices (single and one cross), bins and bootstrap resamples. */
export class ReportSettings {
  /** Columns sliced one at a time. */
  columns = $state<string[]>([]);
  /** Two columns sliced together, or null. */
  cross = $state<[string, string] | null>(null);
  bins = $state(4);
  resamples = $state(1000);
  readonly seed = DEFAULT_SEED;

  /** The slice specs the settings describe; a cross of one column with itself is left out. */
  slices(): SliceSpec[] {
    const bins = this.binCount();
    const single: SliceSpec[] = this.columns.map((c) => ({ columns: [c], bins }));
    const cross = this.cross;
    return cross && cross[0] && cross[1] && cross[0] !== cross[1] ? [...single, { columns: [cross[0], cross[1]], bins }] : single;
  }

  /** Numeric bins as entered, at least 2 (4 when the input is not a number). */
  binCount(): number {
    return Math.max(2, Math.round(Number(this.bins)) || 4);
  }

  /** Report settings; slices are kept only over `columns` (the subject's non-PII columns), so a switch of source never asks for a column the other one lacks. */
  forColumns(columns: readonly string[]): EvaluateSettings {
    const allowed = new Set(columns);
    const slices = this.slices().filter((spec) => spec.columns.every((c) => allowed.has(c)));
    return { slices, errorColumns: [...columns], resamples: Math.max(0, Math.round(Number(this.resamples)) || 0), seed: this.seed };
  }
}
