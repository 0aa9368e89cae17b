import * as Comlink from 'comlink';
import Papa from 'papaparse';
import {
  BundleError, driftReport, errorText, LabelJoinError, readBundle, scoredFeedback, sliceFloors,
  type DriftLevels, type InferenceContract, type DriftReport, type FeedbackReport, type FeedbackSource, type IssuePolicy, type SliceFloor,
} from '../core/index.ts';
import { BatchScorer, openScoringBundle, ScoringStopped, type ScoringBundle, type ScoringProgress } from '../core/scoring.ts';

/** What the user chose before scoring: per issue kind reject or flag, PII echo, and the columns kept for labels. */
export interface ScoreSettings {
  readonly policy: IssuePolicy;
  /** Echo the bundle's PII columns in scored.csv (off unless the user ticks it). */
  readonly includePii: boolean;
  /** Column that joins a later labels file (null: none). */
  readonly key: string | null;
  /** Event-time column (null: none). */
  readonly time: string | null;
}

/** Live progress: bytes read of the file's size, data rows read so far and the running totals. */
export interface ScoreProgress extends ScoringProgress {
  readonly total: number;
}

/** One rejected cell as the page lists it (PII values already masked by the scorer). */
export interface RejectRow {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
  readonly value: string;
}

/** A finished (or cancelled) job: the files, what it counted, the first rejects, and whether labels can be read. */
export interface ScoreOutcome {
  readonly ok: true;
  /** True when Cancel stopped it: the files hold the rows scored up to then. */
  readonly partial: boolean;
  readonly progress: ScoreProgress;
  readonly seconds: number;
  readonly scored: Blob;
  readonly rejects: Blob;
  /** The first REJECTS_SHOWN rejected cells; `progress.rejected` counts the rows. */
  readonly rejectsShown: readonly RejectRow[];
  readonly drift: DriftReport | null;
  /** Feedback from the snapshot's own label column, when it has one. */
  readonly feedback: (FeedbackReport & { readonly labels_from: string }) | null;
}

/** A job that could not start or stopped on unusable input: one line naming the file and what was wrong. */
export type ScoreResult = ScoreOutcome | { readonly ok: false; readonly message: string };

/** A bundle's inference contract, or why it cannot be read. */
export type DescribeResult = { readonly ok: true; readonly contract: InferenceContract; readonly hasReference: boolean } | { readonly ok: false; readonly message: string };

/** The feedback report of the last job, or one line on why the labels could not be joined. */
export type FeedbackResult = { readonly ok: true; readonly report: FeedbackReport & { readonly labels_from: string } } | { readonly ok: false; readonly message: string };

/** Rejected cells listed to the page; the download holds them all. */
export const REJECTS_SHOWN = 100;
/** Bytes read from the file per step; the scorer takes them in 64 KB pieces (short strings keep its GC cheap). */
const READ_BYTES = 1 << 20;
const PIECE_BYTES = 64 * 1024;
/** Scored text is handed to a Blob in parts of this size, so a large output need not live as one string. */
const BLOB_PART_CHARS = 8 << 20;

/** The scoring worker: streams a snapshot File through a bundle's BatchScorer, keeping drift counts and label cells. */
export interface ScoreApi {
  /** The inference contract of a bundle (which columns it needs, its label, key and PII columns), or why not. */
  describe(zip: Uint8Array, zipName: string): Promise<DescribeResult>;
  score(zip: Uint8Array, zipName: string, file: File, settings: ScoreSettings, onProgress: (p: ScoreProgress) => void): Promise<ScoreResult>;
  /** Stops the job in progress after the current read; what was written so far is kept. */
  cancel(): void;
  /** The last job's drift report re-judged at `levels` (no re-scoring). */
  drift(levels: DriftLevels): DriftReport | null;
  /** The last job's rows joined with a labels file (null: the snapshot's own label column). */
  feedback(labels: File | null, key: string | null, time: string | null): Promise<FeedbackResult>;
}

/** Accumulates CSV text into Blob parts. */
class TextSink {
  #parts: Blob[] = [];
  #pending: string[] = [];
  #chars = 0;

  add(text: string): void {
    if (!text) return;
    this.#pending.push(text);
    this.#chars += text.length;
    if (this.#chars >= BLOB_PART_CHARS) this.#flush();
  }

  #flush(): void {
    this.#parts.push(new Blob(this.#pending, { type: 'text/csv' }));
    this.#pending = [];
    this.#chars = 0;
  }

  blob(): Blob {
    this.#flush();
    return new Blob(this.#parts, { type: 'text/csv' });
  }
}

let last: { scorer: BatchScorer; bundle: ScoringBundle; promised: Record<string, unknown>; floors: SliceFloor[] } | null = null;
let cancelled = false;

function json(files: ReadonlyMap<string, Uint8Array>, path: string): unknown {
  const bytes = files.get(path);
  return bytes ? JSON.parse(new TextDecoder().decode(bytes)) as unknown : null;
}

function shownRejects(text: string, into: RejectRow[]): void {
  if (!text || into.length >= REJECTS_SHOWN) return;
  for (const r of Papa.parse<string[]>(text, { skipEmptyLines: true }).data) {
    if (r[0] === 'row' || into.length >= REJECTS_SHOWN) continue;
    into.push({ row: Number(r[0]), column: r[1] ?? '', reason: r[2] ?? '', value: r[3] ?? '' });
  }
}

const api: ScoreApi = {
  async describe(zip, zipName) {
    try {
      const opened = await readBundle(zip);
      const contract = json(opened.files, 'inference-contract.json') as InferenceContract | null;
      if (!contract) return { ok: false, message: `${zipName} has no inference-contract.json; it was exported before batch scoring existed, so re-export it` };
      return { ok: true, contract, hasReference: opened.files.has('reference-profile.json') };
    } catch (e) {
      return { ok: false, message: e instanceof BundleError ? `${zipName} is not a valid bundle: ${e.message}` : errorText(e) };
    }
  },

  async score(zip, zipName, file, settings, onProgress) {
    cancelled = false;
    last = null;
    let bundle: ScoringBundle;
    let promised: Record<string, unknown>;
    let floors: SliceFloor[];
    try {
      const opened = await readBundle(zip);
      bundle = await openScoringBundle(Object.fromEntries(opened.files), zipName);
      const metrics = json(opened.files, 'metrics.json');
      promised = metrics !== null && typeof metrics === 'object' ? metrics as Record<string, unknown> : {};
      floors = sliceFloors(json(opened.files, 'gates.json'));
    } catch (e) {
      return { ok: false, message: e instanceof BundleError ? `${zipName} is not a valid bundle: ${e.message}` : errorText(e) };
    }
    const c = bundle.contract;
    const collect = [c.label, ...(settings.key ? [settings.key] : []), ...(settings.time ? [settings.time] : []), ...floors.map((f) => f.column)];
    const scorer = new BatchScorer(bundle, file.name, { policy: settings.policy, drift: bundle.reference !== null, echo: settings.includePii ? c.pii_columns : [], collect });
    const scored = new TextSink();
    const rejects = new TextSink();
    const shown: RejectRow[] = [];
    const started = performance.now();
    let reported = 0;
    const progress = (): ScoreProgress => ({ ...scorer.progress, total: file.size });
    try {
      for (let at = 0; at < file.size && !cancelled; at += READ_BYTES) {
        const bytes = new Uint8Array(await file.slice(at, at + READ_BYTES).arrayBuffer());
        for (let p = 0; p < bytes.length; p += PIECE_BYTES) {
          const out = scorer.push(bytes.subarray(p, p + PIECE_BYTES));
          scored.add(out.scored);
          rejects.add(out.rejects);
          shownRejects(out.rejects, shown);
        }
        if (performance.now() - reported > 100) {
          reported = performance.now();
          onProgress(progress());
        }
      }
      // A cancelled job keeps its whole records; the record cut off by the stop is not guessed at.
      if (!cancelled) {
        const out = scorer.finish();
        scored.add(out.scored);
        rejects.add(out.rejects);
        shownRejects(out.rejects, shown);
      }
    } catch (e) {
      return { ok: false, message: e instanceof ScoringStopped ? e.message : `${file.name}: ${errorText(e)}` };
    }
    const seconds = (performance.now() - started) / 1000;
    onProgress(progress());
    last = { scorer, bundle, promised, floors };
    let feedback: ScoreOutcome['feedback'] = null;
    if (scorer.collected?.cells[c.label]) {
      try {
        feedback = scoredFeedback(scorer.collected, c, { labels: null, key: null, time: settings.time }, promised, floors);
      } catch (e) {
        if (!(e instanceof LabelJoinError)) throw e;
      }
    }
    return {
      ok: true, partial: cancelled, progress: progress(), seconds, scored: scored.blob(), rejects: rejects.blob(), rejectsShown: shown,
      drift: scorer.drift ? driftReport(scorer.drift) : null, feedback,
    };
  },

  cancel() {
    cancelled = true;
  },

  drift(levels) {
    return last?.scorer.drift ? driftReport(last.scorer.drift, levels) : null;
  },

  async feedback(labels, key, time) {
    const job = last;
    const collected = job?.scorer.collected;
    if (!job || !collected) return { ok: false, message: 'Score a snapshot first: labels are joined to its scored rows.' };
    try {
      let table: FeedbackSource['labels'] = null;
      if (labels) {
        const parsed = Papa.parse<string[]>((await labels.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true });
        const [header, ...rows] = parsed.data;
        if (!header) return { ok: false, message: `${labels.name} is empty: it has no header row` };
        table = { name: labels.name, header: header.map((h) => h.trim()), rows };
      }
      return { ok: true, report: scoredFeedback(collected, job.bundle.contract, { labels: table, key, time }, job.promised, job.floors) };
    } catch (e) {
      if (e instanceof LabelJoinError) return { ok: false, message: e.message };
      return { ok: false, message: `${labels?.name ?? 'labels'}: ${errorText(e)}` };
    }
  },
};

Comlink.expose(api);
