import * as Comlink from 'comlink';
import { destroyWebgpuDevice, useWasmPaths, watchDeviceLoss } from '../core/models/browser-backends.ts';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BackendLostError, trainWithFallback } from '../core/training.ts';
import { createRunRecord, type BackendName } from '../core/index.ts';
import { saveRun } from '../storage/run-store.ts';
import { nextTask, outcomeBuffers, type TrainApi } from './protocol.ts';
import { webgpuSkipReason } from './webgpu-probe.ts';
import { calibratedBackend, runShape } from './backend-calibration.ts';
import { startHeartbeat } from './heartbeat.ts';

useWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

let cancelled = false;

const HOST_FIT = { name: 'cpu', note: 'automatic choice: cpu, since this model fits on the host (float64 L-BFGS) whatever the backend, which only scores the rows' } as const;

// A test hook: Playwright's worker.evaluate can call it to simulate a GPU reset mid-run (see the train-controls e2e).
// Only builds for the browser tests have it (`vite build --mode e2e`); in a production build the branch is dropped.
if (import.meta.env.MODE === 'e2e') Reflect.set(globalThis, 'mleDestroyGpuDevice', destroyWebgpuDevice);

const api: TrainApi = {
  async train(snapshot, contract, config, onProgress, keep) {
    cancelled = false;
    // Logistic regression and the prior fit on the host in float64 (see linearObjective): the backend only scores the
    // rows once, so automatic mode takes cpu without probing or calibrating; only an MLP's speed depends on it.
    const choose = config.backend === 'auto' && config.model === 'mlp';
    const webgpuSkip = choose ? await webgpuSkipReason() : null;
    const skipBackends = webgpuSkip ? { webgpu: webgpuSkip } : {};
    const autoBackend = choose && config.model === 'mlp' ? await calibratedBackend(skipBackends, runShape(snapshot, contract, config)) : config.backend === 'auto' ? HOST_FIT : null;
    let running: BackendName = 'cpu';
    let deviceLost: () => string | null = () => null;
    const outcome = await trainWithFallback(snapshot, contract, config, {
      skipBackends,
      ...(autoBackend ? { autoBackend } : {}),
      onBackend: (backend) => {
        running = backend.name;
        deviceLost = watchDeviceLoss(backend.name);
      },
      onProgress: (p) => void onProgress(p),
      shouldStop: async () => {
        // A task boundary lets a pending cancel() message run between iterations.
        await nextTask();
        const lost = deviceLost();
        if (lost) throw new BackendLostError(running, lost);
        return cancelled;
      },
    }, { deviceLost: () => deviceLost() });
    const record = await createRunRecord(outcome, keep.dataContract, new Date().toISOString(), keep.appVersion);
    // Saved from here: IndexedDB serialises a record on the thread that stores it, and at 1M rows (~20 MB of scores)
    // that held the page for 60-100 ms.
    const storeError = await saveRun(record);
    return Comlink.transfer({ record, storeError }, outcomeBuffers(outcome));
  },
  cancel() {
    cancelled = true;
  },
};

Comlink.expose(api);
startHeartbeat((message) => postMessage(message));
