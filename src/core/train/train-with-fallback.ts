import type { RunConfig } from '../config.ts';
import type { Contract } from '../contract/contract.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { BackendName } from '../models/backend-name.ts';
import { trainBaseline, type TrainHooks } from './train-baseline.ts';
import type { TrainOutcome } from './train-outcome.ts';

/** Thrown by a host's hooks when it learns that the running backend's device is gone (e.g. `GPUDevice.lost`). */
export class BackendLostError extends Error {
  constructor(readonly backend: BackendName, reason: string) {
    super(`The ${backend} device was lost: ${reason}`);
    this.name = 'BackendLostError';
  }
}

// Only GPU backends have a device that can vanish; their errors say so in these words (WebGPU's "Device is lost",
// mapAsync's OperationError, WebGL's lost context).
const GPU_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl'];
const LOST_MESSAGE = /device (is |was )?(lost|destroyed)|context (is |was )?lost|CONTEXT_LOST|OperationError|AbortError|GPUDevice/i;

const messageOf = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * A run that survives losing its GPU: when the device of a GPU backend is lost mid-run (reported by the host as a
 * `BackendLostError`, or seen in a GPU error), the run starts again from scratch on the next backend in order, with
 * the lost one excluded and the reason recorded in the backend notes the page shows. Any other error is rethrown.
 * `deviceLost` lets the host say so too (it watches the device); `attempt` is injectable so the retry logic is
 * testable without a GPU.
 */
export async function trainWithFallback(
  snapshot: Snapshot, contract: Contract, config: RunConfig, hooks: TrainHooks = {},
  options: { readonly deviceLost?: () => string | null; readonly attempt?: typeof trainBaseline } = {},
): Promise<TrainOutcome> {
  const attempt = options.attempt ?? trainBaseline;
  const exclude: Partial<Record<BackendName, string>> = { ...hooks.excludeBackends };
  for (;;) {
    const running: { name: BackendName | null } = { name: null };
    try {
      return await attempt(snapshot, contract, config, {
        ...hooks,
        excludeBackends: { ...exclude },
        onBackend: (backend) => {
          running.name = backend.name;
          hooks.onBackend?.(backend);
        },
      });
    } catch (e) {
      const name = e instanceof BackendLostError ? e.backend : running.name;
      const reported = options.deviceLost?.() ?? null;
      const onGpu = name !== null && GPU_BACKENDS.includes(name);
      const lost = e instanceof BackendLostError || (onGpu && (reported !== null || LOST_MESSAGE.test(messageOf(e))));
      if (!lost || name === null || exclude[name]) throw e;
      const why = e instanceof BackendLostError ? e.message : reported ?? messageOf(e);
      exclude[name] = `its device was lost mid-run (${why}), so the run restarted from scratch on the next backend`;
    }
  }
}
