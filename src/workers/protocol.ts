import { hasValues, type Contract, type LoadResult, type RunConfig, type Snapshot, type TrainOutcome, type TrainProgress } from '../core/index.ts';

/** The parse worker: CSV bytes in (transferred), typed-column snapshot out (buffers transferred back). */
export interface ParseApi {
  parse(bytes: ArrayBuffer, fileName: string): Promise<LoadResult>;
}

/** The train worker: one run per worker; progress streams through a callback, cancel is cooperative. */
export interface TrainApi {
  train(snapshot: Snapshot, contract: Contract, config: RunConfig, onProgress: (progress: TrainProgress) => void): Promise<TrainOutcome>;
  cancel(): void;
}

/** Every ArrayBuffer inside a snapshot's columns, for zero-copy transfer. */
export function snapshotBuffers(snapshot: Snapshot): ArrayBuffer[] {
  return snapshot.columns.map((c) => (hasValues(c) ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
}

/** Every ArrayBuffer inside a run outcome, for zero-copy transfer. */
export function outcomeBuffers(o: TrainOutcome): ArrayBuffer[] {
  const arrays = [
    o.split.train, o.split.validation, o.split.test, o.coef,
    o.validation.labels, o.validation.scores, o.test.labels, o.test.scores,
    o.modelFiles['model.json'], o.modelFiles['weights.bin'],
  ];
  // validation.rows/test.rows share buffers with the split; listing a buffer twice would make transfer throw.
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
