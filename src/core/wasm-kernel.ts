// The project's hand-written WebAssembly kernels (models/mlp-simd.wat, metrics/bootstrap-draws.wat) are committed as
// base64 and compiled here. Where an engine has no WebAssembly, lacks a feature a module uses (SIMD), or a page's CSP
// forbids compiling, these give null and the caller runs its JS loops, which give the same bits.

const compiled = new Map<string, WebAssembly.Module | null>();

/**
 * The module of a kernel's base64 bytes, compiled once per thread on first use (synchronously: each kernel is under
 * the 4 KiB Chromium allows a synchronous compile on the main thread); null where it cannot run.
 */
export function kernelModule(base64: string): WebAssembly.Module | null {
  const known = compiled.get(base64);
  if (known !== undefined) return known;
  let module: WebAssembly.Module | null = null;
  if (typeof WebAssembly === 'object') {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    try {
      if (WebAssembly.validate(bytes)) module = new WebAssembly.Module(bytes);
    } catch {
      // Compiling is forbidden here (a CSP): the JS loops run.
    }
  }
  compiled.set(base64, module);
  return module;
}

const PAGE = 65536;
// 32-bit addresses, and some engines stop at 2 GiB.
const MAX_BYTES = 2 ** 31;

/** A memory of at least `bytes` bytes for a kernel, or null when it cannot have one (over 2 GiB, or refused). */
export function kernelMemory(bytes: number): WebAssembly.Memory | null {
  if (bytes > MAX_BYTES) return null;
  try {
    return new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  } catch {
    return null;
  }
}
