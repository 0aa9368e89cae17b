import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { bundleEvaluation, errorText, runChecks, type ChecksReport, type DataContract, type EvaluatedOutcome, type EvaluationReport, type Snapshot } from '../core/index.ts';
import type { TrainThreadReply, TrainThreadRequest } from './train-thread.ts';

/** Below this file size the checks and the evaluation take tens of milliseconds, less than a thread costs to start. */
export const THREAD_MIN_BYTES = 2 * 1024 ** 2;

/** A result with the milliseconds its work took. */
export interface Timed<T> {
  readonly value: T;
  readonly ms: number;
}

/**
 * The work `train` can hand to the machine's other core. `checks` comes first (it carries the snapshot over), then
 * at most one `evaluate`; `close` ends the thread. Each gives exactly what the same core call would give here.
 */
export interface TrainThread {
  checks(snapshot: Snapshot, contract: DataContract, seed: number): Promise<Timed<ChecksReport>>;
  evaluate(outcome: EvaluatedOutcome, threshold: number, pii: readonly string[], dataContract: DataContract): Promise<EvaluationReport>;
  close(): void;
}

// The inline runner also takes a snapshot directly, for an evaluation it takes over from a thread that died.
interface InlineThread extends TrainThread {
  hold(snapshot: Snapshot): void;
}

// The thread's entry is built next to main.js (scripts/build-cli.js); this module may sit in dist-cli/ or in
// dist-cli/chunks/. Run from source (tests that import the CLI modules) there is no built entry: the work runs inline.
function threadEntry(): URL | null {
  for (const path of ['./train-thread.js', '../train-thread.js']) {
    const url = new URL(path, import.meta.url);
    if (url.pathname.includes('/dist-cli/') && existsSync(url)) return url;
  }
  return null;
}

// Inline, every call runs at once on this thread, before it returns: the order of work is the plain one.
function inline(): InlineThread {
  let held: Snapshot | null = null;
  return {
    hold: (snapshot) => {
      held = snapshot;
    },
    checks: async (snapshot, contract, seed) => {
      held = snapshot;
      const started = performance.now();
      const value = runChecks(snapshot, contract, seed);
      return { value, ms: performance.now() - started };
    },
    evaluate: async (outcome, threshold, pii, dataContract) => {
      if (!held) throw new Error('the evaluation was asked for before the checks');
      return bundleEvaluation(held, outcome, threshold, null, pii, {}, dataContract);
    },
    close: () => {},
  };
}

/**
 * A second thread for `train` when the file is large enough to gain from one: it starts at once, so its start-up
 * overlaps the read, and then runs the checks while this thread trains, and the test split's evaluation while this
 * one measures reliance. Replies come in request order.
 */
export function trainThread(fileBytes: number): TrainThread {
  // MLE_PLAYGROUND_TRAIN_THREAD=0 keeps all work on one thread and =1 uses the second whatever the size (tests hold
  // the two to the same bytes).
  const forced = process.env.MLE_PLAYGROUND_TRAIN_THREAD;
  const wanted = forced === '1' || forced === 'die' || (forced !== '0' && fileBytes >= THREAD_MIN_BYTES);
  const entry = wanted ? threadEntry() : null;
  if (!entry) return inline();
  const worker = new Worker(entry);
  // An idle thread must not keep the process alive; a pending request holds a reference until its reply.
  worker.unref();
  // Should the thread die (out of memory, killed), what it was asked is done here instead: slower, same result.
  const local = inline();
  let lost = false;
  const waiting: { request: TrainThreadRequest; settle: (reply: TrainThreadReply) => void }[] = [];
  const runLocally = async (request: TrainThreadRequest): Promise<TrainThreadReply> => {
    try {
      const started = performance.now();
      const value = request.kind === 'checks'
        ? (await local.checks(request.snapshot, request.contract, request.seed)).value
        : await local.evaluate(request.outcome, request.threshold, request.pii, request.dataContract);
      return { ok: true, value, ms: performance.now() - started };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  };
  const fallBack = (why: string) => {
    if (lost) return;
    lost = true;
    process.stderr.write(`note: train's second thread stopped (${why}); the main thread does its work instead\n`);
    for (const { request, settle } of waiting.splice(0)) void runLocally(request).then(settle);
  };
  worker.on('message', (reply: TrainThreadReply) => {
    waiting.shift()?.settle(reply);
    if (waiting.length === 0) worker.unref();
  });
  worker.on('error', (e) => fallBack(errorText(e)));
  worker.on('exit', (code) => fallBack(`exit code ${code}`));
  let snapshotHere: Snapshot | null = null;
  const ask = <T>(request: TrainThreadRequest): Promise<Timed<T>> =>
    new Promise<Timed<T>>((resolve, reject) => {
      const settle = (reply: TrainThreadReply) => (reply.ok ? resolve({ value: reply.value as T, ms: reply.ms }) : reject(new Error(reply.error)));
      if (request.kind === 'checks') snapshotHere = request.snapshot;
      // The local runner needs the snapshot the checks brought, should it take over an evaluation.
      if (snapshotHere) local.hold(snapshotHere);
      if (lost) return void runLocally(request).then(settle);
      waiting.push({ request, settle });
      if (waiting.length === 1) worker.ref();
      worker.postMessage(request);
    });
  return {
    checks: (snapshot, contract, seed) => ask<ChecksReport>({ kind: 'checks', snapshot, contract, seed }),
    evaluate: async (outcome, threshold, pii, dataContract) => (await ask<EvaluationReport>({ kind: 'evaluate', outcome, threshold, pii, dataContract })).value,
    close: () => {
      lost = true;
      void worker.terminate();
    },
  };
}
