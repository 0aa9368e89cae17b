/** One hand-written WebAssembly kernel: its WAT source, the generated module with its bytes, and that module's constant. */
export interface WasmKernel {
  readonly name: string;
  readonly wat: string;
  readonly bytes: string;
  readonly constant: string;
}
/** Every kernel the script compiles. */
export const KERNELS: readonly WasmKernel[];
/** A kernel's .wat compiled to a WebAssembly binary. */
export function compileKernelWat(kernel: WasmKernel): Promise<Uint8Array>;
/** The TypeScript module text that carries a kernel's `bytes`. */
export function bytesModule(kernel: WasmKernel, bytes: Uint8Array): string;
