import { calibrateBackends, fastest, type Calibration } from '../core/training.ts';
import { BACKENDS, type BackendName } from '../core/index.ts';
import { getValue, setValue } from '../storage/app-db.ts';

// v2: webgl joined the candidates, so calibrations stored before it are not comparable.
const KEY = `calibration:v2:${__APP_VERSION__}:${navigator.userAgent}`;

/**
 * The backend automatic mode should try first on this device: the fastest on a short gradient-shaped workload, among
 * the backends not skipped. Measured once per device and app version, then read from IndexedDB.
 */
export async function calibratedBackend(skip: Partial<Record<BackendName, string>>): Promise<{ name: BackendName; note: string } | null> {
  let calibration = await getValue<Calibration>(KEY);
  if (!calibration) {
    calibration = await calibrateBackends(BACKENDS.filter((b) => !skip[b]));
    // Without storage the calibration simply runs again next time.
    await setValue(KEY, calibration);
  }
  const name = fastest(calibration);
  if (!name) return null;
  const timings = Object.entries(calibration).map(([b, ms]) => `${b} ${(ms as number).toFixed(1)} ms`).join(', ');
  return { name, note: `automatic choice: ${name} was fastest in a short calibration on this device (${timings})` };
}
