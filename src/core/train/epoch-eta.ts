/** Epochs measured, after the first, before an estimate is given: one slow epoch must not set the pace. */
export const ETA_MIN_MEASURED_EPOCHS = 2;

/**
 * Time left (ms) from measured epoch time: the pace of epochs 2..`epoch`, since the first epoch also pays for backend
 * start-up, preprocessing and kernel compilation. Null until `ETA_MIN_MEASURED_EPOCHS` epochs after the first have run,
 * or when the number of epochs is not known. `firstEpochEndMs` and `nowMs` are elapsed times from the start of the run.
 */
export function epochEta(epoch: number, epochs: number | null, firstEpochEndMs: number | null, nowMs: number): number | null {
  if (epochs === null || firstEpochEndMs === null || epoch - 1 < ETA_MIN_MEASURED_EPOCHS) return null;
  const perEpoch = (nowMs - firstEpochEndMs) / (epoch - 1);
  return Math.max(0, perEpoch * (epochs - epoch));
}
