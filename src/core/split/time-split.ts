import type { Column } from '../data/column.ts';
import type { Split } from './split.ts';
import { timeValues } from './time-values.ts';

/** A time split plus the number of rows left out because their event time is missing. */
export type TimeSplit = Split & { readonly droppedMissingTime: number };

/**
 * Splits `rows` by event time (epoch ms, or numbers for a numeric column): train t < cuts[0], validation
 * cuts[0] <= t < cuts[1], test t >= cuts[1]. Rows with a missing time are dropped and counted. Parts are ascending.
 */
export function timeSplit(rows: Int32Array, time: Column, cuts: readonly [number, number]): TimeSplit {
  const [early, late] = cuts;
  if (Number.isNaN(early) || Number.isNaN(late)) {
    throw new Error(`Time split cut points must be numbers, got [${early}, ${late}].`);
  }
  if (early > late) {
    throw new Error(
      `Time split cut points are out of order: the validation start (${early}) is after the test start (${late}).`,
    );
  }
  const values = timeValues(time);
  const parts: [number[], number[], number[]] = [[], [], []];
  let droppedMissingTime = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const t = values[row];
    // A row with no time cannot be placed before or after anything, so it belongs to no split.
    if (Number.isNaN(t)) droppedMissingTime++;
    else parts[t < early ? 0 : t < late ? 1 : 2].push(row);
  }
  const [train, validation, test] = parts.map((p) => Int32Array.from(p).sort());
  return { train, validation, test, droppedMissingTime };
}
