import { MLP_SIMD_WASM_BASE64 } from './mlp-simd-bytes.ts';
import { gemmNT, gemmTN } from './mlp-products.ts';

/** Which code computes the host MLP kernel's matrix products. */
export type ProductsKind = 'wasm-simd' | 'js';

/**
 * Float64 buffers laid out in one memory, with the two products over them: WebAssembly f64x2 SIMD where the engine
 * validates mlp-simd.wat's module, else the JS loops of mlp-products.ts. Both give the same bits for every output
 * (each SIMD lane is a different output, summed in the JS order), so which one ran never changes a trained model.
 */
export interface ProductArena {
  readonly kind: ProductsKind;
  /** One zeroed view per requested length, in that order; the products accept only these views. */
  readonly views: Float64Array[];
  /** C [M, N] = A·Bᵀ for A [M, K] and B [N, K], given B and its transpose Bt [K, N] (the SIMD code reads Bt, the JS code B). */
  nt(A: Float64Array, B: Float64Array, Bt: Float64Array, C: Float64Array, M: number, N: number, K: number): void;
  /** C [M, N] = Aᵀ·B for A [R, M] and B [R, N]. */
  tn(A: Float64Array, B: Float64Array, C: Float64Array, M: number, N: number, R: number): void;
}

type Gemm = (a: number, b: number, c: number, M: number, N: number, K: number, am: number, ak: number) => void;

const PAGE = 65536;

// Compiled once per thread, on first use: validate says no on an engine without SIMD (then the JS loops run), and the
// module is 1 KiB, well under the 4 KiB Chromium allows a synchronous compile on the main thread.
let compiled: WebAssembly.Module | null | undefined;

function simdModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (typeof WebAssembly !== 'object') return null;
  const bytes = Uint8Array.from(atob(MLP_SIMD_WASM_BASE64), (c) => c.charCodeAt(0));
  try {
    if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
  } catch {
    // A page whose CSP forbids compiling WebAssembly: the JS loops run.
  }
  return compiled;
}

/** The products the host kernel gets where nothing forces the JS loops: 'wasm-simd' where SIMD validates. */
export function defaultProductsKind(): ProductsKind {
  return simdModule() === null ? 'js' : 'wasm-simd';
}

/**
 * An arena holding views of the given lengths (float64 elements), 16-byte aligned. `kind` 'js' forces the JS loops
 * (tests compare the two); otherwise SIMD where available. Each arena owns its memory, sized once and never grown,
 * so the views stay attached for its whole life.
 */
export function productArena(lengths: readonly number[], kind: ProductsKind = defaultProductsKind()): ProductArena {
  const starts: number[] = [];
  let bytes = 0;
  for (const length of lengths) {
    starts.push(bytes);
    bytes += Math.ceil((length * 8) / 16) * 16;
  }
  const module = kind === 'wasm-simd' ? simdModule() : null;
  if (module === null) {
    const buffer = new ArrayBuffer(bytes);
    return {
      kind: 'js', views: lengths.map((length, i) => new Float64Array(buffer, starts[i], length)),
      nt: (A, B, _Bt, C, M, N, K) => gemmNT(A, B, C, 0, M, N, K),
      tn: (A, B, C, M, N, R) => gemmTN(A, B, C, 0, M, N, R),
    };
  }
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  const gemm = new WebAssembly.Instance(module, { env: { memory } }).exports.gemm as Gemm;
  const views = lengths.map((length, i) => new Float64Array(memory.buffer, starts[i], length));
  const at = (v: Float64Array): number => {
    if (v.buffer !== memory.buffer) throw new Error('A SIMD product was given a buffer outside its arena.');
    return v.byteOffset;
  };
  return {
    kind: 'wasm-simd', views,
    // A·Bᵀ is A·Bt: A(m, k) at m·8K + k·8.
    nt: (A, _B, Bt, C, M, N, K) => gemm(at(A), at(Bt), at(C), M, N, K, K * 8, 8),
    // Aᵀ·B: A [R, M] read down its columns, A(m, r) at m·8 + r·8M.
    tn: (A, B, C, M, N, R) => gemm(at(A), at(B), at(C), M, N, R, 8, M * 8),
  };
}
