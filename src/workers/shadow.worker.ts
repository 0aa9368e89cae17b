import * as Comlink from 'comlink';
import Papa from 'papaparse';
import { bundlePromise, BundleError, DEFAULT_BUNDLE_LIMITS, driftReport, errorText, readBundle, sha256Hex, shadowCase, snapshotLabels, type Costs, type CsvTable, type DriftReport, type ShadowCase, type ShadowCaseInput } from '../core/index.ts';
import type { ScoringBundle } from '../core/scoring.ts';

/** A bundle zip as picked (or as opened in the viewer): its bytes and file name. */
export interface ShadowZip {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

/** What to compare: two bundles, one snapshot, and where its labels come from (its label column when `labels` is null). */
export interface ShadowRequest {
  readonly champion: ShadowZip;
  readonly candidate: ShadowZip;
  readonly snapshot: File;
  readonly labels: File | null;
  /** Join key of the labels file (default: the candidate's entity key). */
  readonly key: string | null;
}

/** The report options that can change without scoring again. */
export interface ShadowOptions {
  readonly slice: string | null;
  readonly costs: Costs | null;
  readonly seed: number;
}

/** One side as the page names it: bundle ID, file, threshold and the zip's SHA-256 (hex). */
export interface ShadowBundleInfo {
  readonly bundleId: string;
  readonly fileName: string;
  readonly threshold: number;
  readonly sha256: string;
}

/** A finished comparison: both bundles, the snapshot's non-PII columns (slice choices), and the shared core's result. */
export interface ShadowOutcome {
  readonly champion: ShadowBundleInfo;
  readonly candidate: ShadowBundleInfo;
  readonly snapshot: { readonly fileName: string; readonly rows: number; readonly rejected: number; readonly flagged: number };
  readonly columns: readonly string[];
  readonly labelsFrom: string | null;
  readonly driftSummary: string | null;
  readonly result: ShadowCase;
}

export type ShadowResult = { readonly ok: true; readonly outcome: ShadowOutcome } | { readonly ok: false; readonly message: string };

/** Bytes read of the snapshot's size, and rows scored so far. */
export interface ShadowProgress {
  readonly bytes: number;
  readonly total: number;
  readonly rows: number;
}

/** The shadow worker: scores one snapshot with two bundles (one pass), keeps the scores, and reports on them. */
export interface ShadowApi {
  compare(request: ShadowRequest, options: ShadowOptions, onProgress: (p: ShadowProgress) => void): Promise<ShadowResult>;
  /** Reports again on the kept scores with other options (slice, costs); fails when nothing was scored in this worker. */
  report(options: ShadowOptions): Promise<ShadowResult>;
}

const CHUNK = 1 << 20;

function table(name: string, text: string): CsvTable {
  const [header, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  if (!header) throw new Error(`${name} is empty: it has no header row`);
  return { name, header: header.map((h) => h.trim()), rows };
}

// The same safe import as opening a bundle: size limits, every file's SHA-256, schemas; then the scoring files.
async function open(zip: ShadowZip): Promise<{ bundle: ScoringBundle; info: ShadowBundleInfo; metrics: unknown; gates: unknown }> {
  if (zip.bytes.length > DEFAULT_BUNDLE_LIMITS.maxTotalBytes + 1024 * 1024) throw new Error(`${zip.fileName} is too large to be a bundle`);
  const sha256 = await sha256Hex(zip.bytes);
  let opened;
  try {
    opened = await readBundle(zip.bytes);
  } catch (e) {
    throw new Error(e instanceof BundleError ? `${zip.fileName} is not a valid bundle: ${e.message}` : errorText(e));
  }
  const { openScoringBundle } = await import('../core/scoring.ts');
  const bundle = await openScoringBundle(Object.fromEntries(opened.files), zip.fileName);
  const json = (path: string): unknown => {
    const bytes = opened.files.get(path);
    return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as unknown) : null;
  };
  return { bundle, info: { bundleId: bundle.id, fileName: zip.fileName, threshold: bundle.contract.threshold, sha256 }, metrics: json('metrics.json'), gates: json('gates.json') };
}

/** What a report needs besides its options, kept after scoring. */
let kept: { input: Omit<ShadowCaseInput, 'slice' | 'costs' | 'seed'>; frame: Omit<ShadowOutcome, 'result'> } | null = null;

function report(options: ShadowOptions): ShadowResult {
  if (!kept) return { ok: false, message: 'Nothing is scored in this worker any more (it was cancelled or restarted); compare again.' };
  try {
    return { ok: true, outcome: { ...kept.frame, result: shadowCase({ ...kept.input, ...options }) } };
  } catch (e) {
    return { ok: false, message: errorText(e) };
  }
}

const api: ShadowApi = {
  async compare(request, options, onProgress) {
    kept = null;
    try {
      const [a, b] = [await open(request.champion), await open(request.candidate)];
      const { ShadowScorer } = await import('../core/scoring.ts');
      const file = request.snapshot;
      const scorer = new ShadowScorer(a.bundle, b.bundle, file.name);
      const bytes = new Uint8Array(await file.arrayBuffer());
      for (let at = 0; at < bytes.length; at += CHUNK) {
        scorer.push(bytes.subarray(at, at + CHUNK));
        onProgress({ bytes: Math.min(at + CHUNK, bytes.length), total: bytes.length, rows: scorer.progress.rows });
      }
      scorer.finish();
      const input = table(file.name, new TextDecoder().decode(bytes));
      const labelsTable = request.labels ? table(request.labels.name, await request.labels.text()) : null;
      const c = b.bundle.contract;
      const labelled = snapshotLabels(c, input, { labels: labelsTable, ...(request.key ? { key: request.key } : {}) });
      const drift: DriftReport | null = scorer.drift ? driftReport(scorer.drift) : null;
      const pii = new Set([...a.bundle.contract.pii_columns, ...c.pii_columns]);
      const side = (x: typeof a) => ({ threshold: x.bundle.contract.threshold, pii: x.bundle.contract.pii_columns, ...bundlePromise(x.metrics, x.gates) });
      const p = scorer.progress;
      kept = {
        input: {
          table: input, champion: scorer.championScores, candidate: scorer.candidateScores, championSide: side(a), candidateSide: side(b),
          labelled, key: request.key ?? a.bundle.contract.entity_key, maxListed: 50, drift,
        },
        frame: {
          champion: a.info, candidate: b.info, snapshot: { fileName: file.name, rows: p.rows, rejected: p.rejected, flagged: p.flagged },
          columns: input.header.filter((h) => !pii.has(h)), labelsFrom: labelled?.from ?? null, driftSummary: drift?.summary ?? null,
        },
      };
    } catch (e) {
      return { ok: false, message: errorText(e) };
    }
    return report(options);
  },

  report(options) {
    return Promise.resolve(report(options));
  },
};

Comlink.expose(api);
