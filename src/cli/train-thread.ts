import { parentPort } from 'node:worker_threads';
import { bundleEvaluation, errorText, runChecks, type DataContract, type EvaluatedOutcome, type Snapshot } from '../core/index.ts';

/**
 * What `train` asks its second thread, in this order: the checks before training (which leave the snapshot here),
 * then the test split's evaluation once the run has scored it.
 */
export type TrainThreadRequest =
  | { readonly kind: 'checks'; readonly snapshot: Snapshot; readonly contract: DataContract; readonly seed: number }
  | { readonly kind: 'evaluate'; readonly outcome: EvaluatedOutcome; readonly threshold: number; readonly pii: readonly string[]; readonly dataContract: DataContract };

/** One reply per request: its value and the milliseconds the work took, or the message of what threw. */
export type TrainThreadReply = { readonly ok: true; readonly value: unknown; readonly ms: number } | { readonly ok: false; readonly error: string };

let snapshot: Snapshot | null = null;

function answer(request: TrainThreadRequest): unknown {
  if (request.kind === 'checks') {
    snapshot = request.snapshot;
    return runChecks(request.snapshot, request.contract, request.seed);
  }
  if (!snapshot) throw new Error('the evaluation was asked for before the checks brought the snapshot');
  return bundleEvaluation(snapshot, request.outcome, request.threshold, null, request.pii, {}, request.dataContract);
}

// The entry of the second thread `train` starts for a large file (see train-thread-client.ts).
parentPort?.on('message', (request: TrainThreadRequest) => {
  // A test aid: MLE_PLAYGROUND_TRAIN_THREAD=die makes the thread end at its evaluation, as one killed there would.
  if (request.kind === 'evaluate' && process.env.MLE_PLAYGROUND_TRAIN_THREAD === 'die') process.exit(1);
  let reply: TrainThreadReply;
  try {
    const started = performance.now();
    const value = answer(request);
    reply = { ok: true, value, ms: performance.now() - started };
  } catch (e) {
    reply = { ok: false, error: errorText(e) };
  }
  parentPort?.postMessage(reply);
});
