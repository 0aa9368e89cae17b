import { bundleEvaluation, errorText, runChecks, type DataContract, type EvaluatedOutcome, type Snapshot } from '../core/index.ts';

/**
 * What `train` asks its second thread, in this order: the checks before training (which leave the snapshot there),
 * then the test split's evaluation once the run has scored it.
 */
export type TrainThreadRequest =
  | { readonly kind: 'checks'; readonly snapshot: Snapshot; readonly contract: DataContract; readonly seed: number }
  | { readonly kind: 'evaluate'; readonly outcome: EvaluatedOutcome; readonly threshold: number; readonly pii: readonly string[]; readonly dataContract: DataContract };

/** One reply per request: its value and the milliseconds the work took, or the message of what threw. */
export type TrainThreadReply = { readonly ok: true; readonly value: unknown; readonly ms: number } | { readonly ok: false; readonly error: string };

/** The work itself, wherever it runs: `reply` answers a request; `hold` gives it the snapshot without the checks. */
export interface TrainThreadWork {
  reply(request: TrainThreadRequest): TrainThreadReply;
  hold(snapshot: Snapshot): void;
}

/**
 * The second thread's work, shared by the thread (`train-thread.ts`), the one-thread run and the fallback when the
 * thread dies, so all three answer alike. It keeps the snapshot the checks brought for the evaluation.
 */
export function trainThreadWork(): TrainThreadWork {
  let snapshot: Snapshot | null = null;
  const answer = (request: TrainThreadRequest): unknown => {
    if (request.kind === 'checks') {
      snapshot = request.snapshot;
      return runChecks(request.snapshot, request.contract, request.seed);
    }
    if (!snapshot) throw new Error('the evaluation was asked for before the checks brought the snapshot');
    return bundleEvaluation(snapshot, request.outcome, request.threshold, null, request.pii, {}, request.dataContract);
  };
  return {
    reply: (request) => {
      try {
        const started = performance.now();
        const value = answer(request);
        return { ok: true, value, ms: performance.now() - started };
      } catch (e) {
        return { ok: false, error: errorText(e) };
      }
    },
    hold: (held) => {
      snapshot = held;
    },
  };
}
