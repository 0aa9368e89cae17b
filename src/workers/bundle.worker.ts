import * as Comlink from 'comlink';
import { BundleError, bundleSummary, compareParity, errorText, parityMatrix, readBundle, type BundleMetrics, type BundleRefusal, type BundleSummary, type OpenedBundle, type ParityVerdict, type ScoredRows, type Snapshot } from '../core/index.ts';
import type { ChampionScores } from '../core/scoring.ts';

/** What the page shows of a verified bundle: plain data, cloned once to the page; the zip itself stays in the worker. */
export interface BundleView {
  readonly fileName: string;
  readonly summary: BundleSummary;
  readonly compactMarkdown: string;
  readonly compactFields: readonly { readonly key: string; readonly title: string; readonly value: string; readonly prefilled: boolean }[];
  readonly metrics: BundleMetrics;
  /** report.html as text, to be shown only in a sandboxed frame (no scripts); null for format 1. */
  readonly reportHtml: string | null;
  readonly modelCard: string | null;
  /** tfjs-layers version the model was saved with (environment.json), when known. */
  readonly tfjsVersion: string | null;
  /** parity.json re-scored here, or null when the bundle has no parity rows. */
  readonly parity: ParityVerdict | null;
}

/** Either the opened bundle, or the refusal: a kind for code and a one-line message naming what was wrong. */
export type OpenBundleResult =
  | { readonly ok: true; readonly view: BundleView }
  | { readonly ok: false; readonly kind: BundleRefusal | 'parity-mismatch' | 'model'; readonly message: string };

/** The champion scored on the current test rows, with the threshold its contract ships; or why it could not be. */
export type ChampionResult =
  | { readonly ok: true; readonly scores: ChampionScores; readonly threshold: number; readonly positiveClass: string }
  | { readonly ok: false; readonly message: string };

/** Rejected cells listed to the page; the count covers them all. */
const REJECTS_SHOWN = 200;

/** The bundle worker: verifies a bundle zip off the main thread, re-scores its parity rows and scores a champion. */
export interface BundleApi {
  open(zip: Uint8Array, fileName: string): Promise<OpenBundleResult>;
  /** Scores the current snapshot's test rows with the bundle's own preprocessing and model (contract-validated). */
  scoreChampion(zip: Uint8Array, fileName: string, snapshot: Pick<Snapshot, 'columns' | 'fileName'>, test: Pick<ScoredRows, 'rows' | 'labels'>): Promise<ChampionResult>;
}

// tfjs loads only for a bundle with parity rows, so opening one without them stays light.
async function rescore(bundle: OpenedBundle): Promise<ParityVerdict | null> {
  const { parity } = bundle;
  if (!parity || parity.rows.length === 0) return null;
  const x = await parityMatrix(parity, bundle.preprocessing, bundle.contract.missing_tokens ?? []);
  const { activateBackend, loadModelFiles, predictScores } = await import('../core/training.ts');
  await activateBackend('cpu');
  const model = await loadModelFiles({ 'model.json': bundle.files.get('model/model.json') as Uint8Array, 'weights.bin': bundle.files.get('model/weights.bin') as Uint8Array });
  try {
    return compareParity(parity, await predictScores(model, x, parity.rows.length, bundle.preprocessing.outputNames.length), bundle.manifest.classes?.length ?? 1);
  } finally {
    model.dispose();
  }
}

const api: BundleApi = {
  async open(zip, fileName) {
    let bundle: OpenedBundle;
    try {
      bundle = await readBundle(zip);
    } catch (e) {
      if (e instanceof BundleError) return { ok: false, kind: e.kind, message: `${fileName} is not a valid bundle: ${e.message}` };
      throw e;
    }
    let parity: ParityVerdict | null;
    try {
      parity = await rescore(bundle);
    } catch (e) {
      return { ok: false, kind: 'model', message: `${fileName}: parity.json could not be re-scored (${errorText(e)})` };
    }
    if (parity && !parity.ok) {
      return { ok: false, kind: 'parity-mismatch', message: `${fileName}: parity.json row ${parity.worstRow + 1} (1-based) scores ${parity.maxGap.toPrecision(3)} away from its expected score (tolerance ${parity.tolerance}), so this model does not compute what the bundle says` };
    }
    return {
      ok: true,
      view: {
        fileName, summary: bundleSummary(bundle), compactMarkdown: bundle.compactMarkdown, compactFields: bundle.compact.fields, metrics: bundle.metrics,
        reportHtml: bundle.reportHtml, modelCard: bundle.modelCard, tfjsVersion: bundle.environment?.tfjs.trained_with ?? null, parity,
      },
    };
  },

  async scoreChampion(zip, fileName, snapshot, test) {
    try {
      const bundle = await readBundle(zip);
      // tfjs (through the scoring entry) loads only here, when a champion is set.
      const { openScoringBundle, scoreChampion } = await import('../core/scoring.ts');
      const scoring = await openScoringBundle(Object.fromEntries(bundle.files), fileName);
      const scores = scoreChampion(scoring, snapshot, test);
      return { ok: true, scores: { ...scores, rejects: scores.rejects.slice(0, REJECTS_SHOWN) }, threshold: scoring.contract.threshold, positiveClass: scoring.contract.positive_class };
    } catch (e) {
      return { ok: false, message: e instanceof BundleError ? `${fileName} is not a valid bundle: ${e.message}` : errorText(e) };
    }
  },
};

Comlink.expose(api);
