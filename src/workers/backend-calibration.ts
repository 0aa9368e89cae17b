import { calibrateMlpBackends, fastest, mlpShapeClass, type Calibration, type MlpShape } from '../core/training.ts';
import { BACKENDS, isMulticlass, type BackendName, type Contract, type RunConfig, type Snapshot } from '../core/index.ts';
import { getValue, setValue } from '../storage/app-db.ts';

// v3: timed on the run's own MLP shape (one entry per shape class) rather than one generic workload per device.
const KEY = `calibration:v3:${__APP_VERSION__}:${navigator.userAgent}`;

/**
 * The shape automatic mode times: the snapshot's rows, the model inputs as preprocessing will make them (one per
 * numeric feature, one per category of a categorical one: one-hot), the MLP's layout and batch, and its outputs.
 */
export function runShape(snapshot: Snapshot, contract: Contract, config: RunConfig & { model: 'mlp' }): MlpShape {
  let inputs = 0;
  for (const name of contract.features) {
    const column = snapshot.columns.find((c) => c.name === name);
    inputs += column && (column.type === 'categorical' || column.type === 'boolean') ? Math.max(1, column.distinct) : 1;
  }
  const label = snapshot.columns.find((c) => c.name === contract.label);
  const classes = isMulticlass(config) && label && (label.type === 'categorical' || label.type === 'boolean') ? label.distinct : 2;
  const { hidden, batchSize } = config.hyperparameters;
  return { rows: snapshot.rowCount, inputs: Math.max(1, inputs), hidden, batchSize, outputs: classes > 2 ? classes : 1 };
}

/**
 * The backend automatic mode should try first for this MLP: the fastest at a few training steps of the run's own
 * shape, among the backends not skipped. Timed once per device, app version and shape class (mlpShapeClass), then
 * read from IndexedDB; a run of another shape class is timed afresh.
 */
export async function calibratedBackend(skip: Partial<Record<BackendName, string>>, shape: MlpShape): Promise<{ name: BackendName; note: string } | null> {
  const key = `${KEY}:${mlpShapeClass(shape)}`;
  let calibration = await getValue<Calibration>(key);
  if (!calibration) {
    calibration = await calibrateMlpBackends(shape, BACKENDS.filter((b) => !skip[b]));
    // Without storage the calibration simply runs again next time.
    await setValue(key, calibration);
  }
  const name = fastest(calibration);
  if (!name) return null;
  const timings = Object.entries(calibration).map(([b, ms]) => `${b} ${(ms as number).toFixed(1)} ms`).join(', ');
  return { name, note: `automatic choice: ${name} was fastest at training steps of this run's shape (${shape.rows} rows × ${shape.inputs} inputs, MLP ${shape.hidden.join('×')}, batch ${shape.batchSize}; per step: ${timings})` };
}
