import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { errorText, type ChecksReport, type DataContract, type EvaluatedOutcome, type EvaluationReport, type Snapshot } from '../core/index.ts';
import { trainThreadWork, type TrainThreadReply, type TrainThreadRequest } from './train-thread-work.ts';

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

// The thread's entry is built next to main.js (scripts/build-cli.js); this module may sit in dist-cli/ or in
// dist-cli/chunks/. Run from source (tests that import the CLI modules) there is no built entry: the work runs inline.
function threadEntry(): URL | null {
  for (const path of ['./train-thread.js', '../train-thread.js']) {
    const url = new URL(path, import.meta.url);
    if (url.pathname.includes('/dist-cli/') && existsSync(url)) return url;
  }
  return null;
}

// A TrainThread over a way of asking: the thread's messages, or the work done here.
function asking(ask: (request: TrainThreadRequest) => Promise<TrainThreadReply>, close: () => void): TrainThread {
  const timed = async <T>(request: TrainThreadRequest): Promise<Timed<T>> => {
    const reply = await ask(request);
    if (!reply.ok) throw new Error(reply.error);
    return { value: reply.value as T, ms: reply.ms };
  };
  return {
    checks: (snapshot, contract, seed) => timed<ChecksReport>({ kind: 'checks', snapshot, contract, seed }),
    evaluate: async (outcome, threshold, pii, dataContract) => (await timed<EvaluationReport>({ kind: 'evaluate', outcome, threshold, pii, dataContract })).value,
    close,
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
  // Inline, every call runs at once on this thread, before it returns: the order of work is the plain one.
  if (!entry) {
    const work = trainThreadWork();
    return asking(async (request) => work.reply(request), () => {});
  }
  const worker = new Worker(entry);
  // An idle thread must not keep the process alive; a pending request holds a reference until its reply.
  worker.unref();
  // Should the thread die (out of memory, killed), what it was asked is done here instead: slower, same result.
  const local = trainThreadWork();
  let lost = false;
  const waiting: { request: TrainThreadRequest; settle: (reply: TrainThreadReply) => void }[] = [];
  const fallBack = (why: string) => {
    if (lost) return;
    lost = true;
    process.stderr.write(`note: train's second thread stopped (${why}); the main thread does its work instead\n`);
    for (const { request, settle } of waiting.splice(0)) settle(local.reply(request));
  };
  worker.on('message', (reply: TrainThreadReply) => {
    waiting.shift()?.settle(reply);
    if (waiting.length === 0) worker.unref();
  });
  worker.on('error', (e) => fallBack(errorText(e)));
  worker.on('exit', (code) => fallBack(`exit code ${code}`));
  const ask = (request: TrainThreadRequest) =>
    new Promise<TrainThreadReply>((settle) => {
      // The local work needs the snapshot the checks brought, should it take over an evaluation.
      if (request.kind === 'checks') local.hold(request.snapshot);
      if (lost) return settle(local.reply(request));
      waiting.push({ request, settle });
      if (waiting.length === 1) worker.ref();
      worker.postMessage(request);
    });
  return asking(ask, () => {
    lost = true;
    void worker.terminate();
  });
}
