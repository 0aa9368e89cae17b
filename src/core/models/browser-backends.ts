// Registers the accelerated backends; imported only by hosts that can use them (the train worker, the CLI for wasm).
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendName } from './backend-name.ts';
import { tf } from './tf.ts';

/** Where the wasm binaries live; a bundler must hand these over or a production build silently loses the wasm backend. */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>;

export function useWasmPaths(paths: WasmPaths): void {
  setWasmPaths(paths);
}

interface DeviceHolder { readonly device?: GPUDevice }

/**
 * Watches the running backend's GPU device; the returned function gives the loss reason once the device is gone, or
 * null. Only WebGPU exposes its device; other backends never report a loss here.
 */
export function watchDeviceLoss(backend: BackendName): () => string | null {
  let lost: string | null = null;
  const device = backend === 'webgpu' ? (tf.backend() as unknown as DeviceHolder).device : undefined;
  void device?.lost.then((info) => { lost = `${info.reason ?? 'unknown'}: ${info.message || 'no message'}`; });
  return () => lost;
}

/** Destroys the running WebGPU device, as a driver reset would; a diagnostic to exercise the lost-device fallback. */
export function destroyWebgpuDevice(): boolean {
  const device = (tf.backend() as unknown as DeviceHolder).device;
  if (!device) return false;
  device.destroy();
  return true;
}
