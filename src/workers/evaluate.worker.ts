import * as Comlink from 'comlink';
import { binaryReport, errorText, compareRuns, evaluationReport, loadCsv, readScoresTable, ScoresTableError, suggestedPiiColumns, thresholdSweep, type Snapshot } from '../core/index.ts';
import type { EvaluateApi, EvaluateSettings } from './protocol.ts';

const ARRIVAL_TIMEOUT_MS = 10_000;
let runSnapshot: Snapshot | null = null;
const waiting = new Set<() => void>();

// The run's snapshot comes from the parse worker; a report asked for before it lands waits a little, then goes
// without slices and clusters rather than hang.
async function snapshotFor(id: string): Promise<Snapshot | null> {
  if (runSnapshot?.id === id) return runSnapshot;
  await new Promise<void>((resolve) => {
    const done = () => { clearTimeout(timer); waiting.delete(done); resolve(); };
    const timer = setTimeout(done, ARRIVAL_TIMEOUT_MS);
    waiting.add(done);
  });
  return runSnapshot?.id === id ? runSnapshot : null;
}
// A newly loaded file waits as `pendingFile` until it evaluates cleanly; until then reports keep using the last good one.
let pendingFile: Snapshot | null = null;
let scoresFile: Snapshot | null = null;

const bootstrapOf = (s: EvaluateSettings) => (s.resamples > 0 ? { resamples: s.resamples, seed: s.seed } : null);

const api: EvaluateApi = {
  setSnapshot(snapshot) {
    runSnapshot = snapshot;
    for (const done of [...waiting]) done();
  },
  attach(port) {
    port.onmessage = (event: MessageEvent<Snapshot>) => {
      runSnapshot = event.data;
      for (const done of [...waiting]) done();
    };
  },
  async loadScoresFile(file) {
    const parsed = await loadCsv(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!parsed.ok) return { info: null, message: parsed.error.message };
    pendingFile = parsed.snapshot;
    const pii = suggestedPiiColumns(parsed.snapshot, null);
    return { message: null, info: { fileName: file.name, rowCount: parsed.snapshot.rowCount, columns: parsed.snapshot.columns.map((c) => ({ name: c.name, type: c.type })), pii } };
  },
  async reportRun(run, snapshotId, settings) {
    return evaluationReport({
      evaluated: run.test, evaluatedOn: run.split ?? 'test', choice: run.validation, strategy: run.strategy, bootstrap: bootstrapOf(settings), snapshot: await snapshotFor(snapshotId),
      slices: settings.slices, errorColumns: settings.errorColumns, ...(run.classes ? { classes: run.classes } : {}),
    });
  },
  async reportFile(spec, strategy, settings, fromPending) {
    const file = fromPending ? pendingFile : scoresFile;
    if (!file) throw new Error('Load a scores file first.');
    let table;
    try {
      table = readScoresTable(file, spec);
    } catch (e) {
      throw new Error(e instanceof ScoresTableError ? e.message : errorText(e));
    }
    const classes = table.kind === 'multiclass' ? table.classes : null;
    const report = evaluationReport({
      evaluated: table, strategy, bootstrap: bootstrapOf(settings), snapshot: file, slices: settings.slices,
      errorColumns: settings.errorColumns, ...(classes ? { classes } : {}),
    });
    scoresFile = file;
    // The slider's sort, here rather than on the page (about 0.3 s at 1M rows); the page keeps O(log k) lookups.
    const sweep = thresholdSweep(table.scores, table.labels);
    const base = binaryReport(table.scores, table.labels, 0.5, sweep);
    const scored = { rows: table.rows, scores: table.scores, labels: table.labels };
    const buffers = [scored.rows.buffer, scored.scores.buffer, scored.labels.buffer, sweep.thresholds.buffer, sweep.tp.buffer, sweep.fp.buffer] as ArrayBuffer[];
    return Comlink.transfer({ report, scored, sweep, base, classes, positive: table.positive }, [...new Set(buffers)]);
  },
  async sortScores(scores, labels) {
    const sweep = thresholdSweep(scores, labels);
    const base = binaryReport(scores, labels, 0.5, sweep);
    return Comlink.transfer({ sweep, base }, [sweep.thresholds.buffer, sweep.tp.buffer, sweep.fp.buffer] as ArrayBuffer[]);
  },
  async compare(runs, snapshotId, baselineId, slice, settings, policy) {
    return compareRuns(runs.map((r) => ({ id: r.id, name: r.name, test: r.test, validation: r.validation, strategy: r.strategy })), baselineId, {
      snapshot: await snapshotFor(snapshotId), bootstrap: bootstrapOf(settings), slice, policy,
    });
  },
};

Comlink.expose(api);
