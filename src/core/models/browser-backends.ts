// Registers the accelerated backends; imported only by hosts that can use them (the train worker, the CLI for wasm).
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** Where the wasm binaries live; a bundler must hand these over or a production build silently loses the wasm backend. */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>;

export function useWasmPaths(paths: WasmPaths): void {
  setWasmPaths(paths);
}
