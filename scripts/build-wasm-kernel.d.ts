/** Path of the kernel's WAT source. */
export const WAT_PATH: string;
/** Path of the generated TypeScript module that carries the compiled bytes. */
export const BYTES_PATH: string;
/** The .wat compiled to a WebAssembly binary. */
export function compileKernelWat(): Promise<Uint8Array>;
/** The TypeScript module text that carries `bytes`. */
export function bytesModule(bytes: Uint8Array): string;
