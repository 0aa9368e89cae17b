import { kernelMemory, kernelModule } from '../wasm-kernel.ts';
import { MLP_SIMD_WASM_BASE64 } from './mlp-simd-bytes.ts';
import { gemmNT, gemmTN } from './mlp-products.ts';

/** Which code runs the host MLP kernel's products and elementwise passes. */
export type KernelArenaKind = 'wasm-simd' | 'js';

/**
 * Float64 buffers laid out in one memory, with the host MLP kernel's products and elementwise passes over them:
 * WebAssembly f64x2 SIMD where the engine validates mlp-simd.wat's module, else the JS loops (mlp-products.ts and the
 * loops below). Both give the same bits for every output (each SIMD lane is a different output, computed in the JS
 * order), so which one ran never changes a trained model.
 */
export interface KernelArena {
  readonly kind: KernelArenaKind;
  /** One zeroed view per requested length, in that order; the products accept only these views. */
  readonly views: Float64Array[];
  /** C [M, N] = A·Bᵀ for A [M, K] and B [N, K], given B and its transpose Bt [K, N] (the SIMD code reads Bt, the JS code B). */
  nt(A: Float64Array, B: Float64Array, Bt: Float64Array, C: Float64Array, M: number, N: number, K: number): void;
  /** C [M, N] = Aᵀ·B for A [R, M] and B [R, N]. */
  tn(A: Float64Array, B: Float64Array, C: Float64Array, M: number, N: number, R: number): void;
  /** C [rows, N] += bias [N] on every row, then with `relu` C = C > 0 ? C : 0. */
  biasRelu(C: Float64Array, bias: Float64Array, rows: number, N: number, relu: boolean): void;
  /** back[i] = h[i] > 0 ? back[i] : 0 for i < n: relu's slope taken from its output h. */
  reluBack(back: Float64Array, h: Float64Array, n: number): void;
  /** out[n] = Σ_r A[r·N + n] for n < N (A [rows, N]), summed in row order from 0. */
  columnSums(A: Float64Array, out: Float64Array, rows: number, N: number): void;
}

interface SimdExports {
  gemm(a: number, b: number, c: number, M: number, N: number, K: number, am: number, ak: number): void;
  biasRelu(c: number, bias: number, rows: number, N: number, relu: number): void;
  reluBack(back: number, h: number, n: number): void;
  columnSums(a: number, out: number, rows: number, N: number): void;
}

// The JS passes the SIMD ones must match, bit for bit.
function biasReluJs(C: Float64Array, bias: Float64Array, rows: number, N: number, relu: boolean): void {
  for (let r = 0; r < rows; r++) for (let n = 0; n < N; n++) C[r * N + n] += bias[n];
  if (relu) for (let i = 0; i < rows * N; i++) C[i] = C[i] > 0 ? C[i] : 0;
}

function reluBackJs(back: Float64Array, h: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) back[i] = h[i] > 0 ? back[i] : 0;
}

function columnSumsJs(A: Float64Array, out: Float64Array, rows: number, N: number): void {
  for (let n = 0; n < N; n++) out[n] = 0;
  for (let r = 0; r < rows; r++) for (let n = 0, at = r * N; n < N; n++) out[n] += A[at + n];
}

/** The products the host kernel gets where nothing forces the JS loops: 'wasm-simd' where SIMD validates. */
export function defaultKernelArenaKind(): KernelArenaKind {
  return kernelModule(MLP_SIMD_WASM_BASE64) === null ? 'js' : 'wasm-simd';
}

/** For a run's notes, after the host kernel's line: which code ran its products (same bits either way). */
export function hostArenaNote(): string {
  return defaultKernelArenaKind() === 'wasm-simd' ? 'its products in WebAssembly SIMD' : 'its products in JS loops (this engine has no WebAssembly SIMD)';
}

/**
 * An arena holding views of the given lengths (float64 elements), 16-byte aligned. `kind` 'js' forces the JS loops
 * (tests compare the two); otherwise SIMD where available. Each arena owns its memory, sized once and never grown,
 * so the views stay attached for its whole life.
 */
export function kernelArena(lengths: readonly number[], kind: KernelArenaKind = defaultKernelArenaKind()): KernelArena {
  const starts: number[] = [];
  let bytes = 0;
  for (const length of lengths) {
    starts.push(bytes);
    bytes += Math.ceil((length * 8) / 16) * 16;
  }
  const module = kind === 'wasm-simd' ? kernelModule(MLP_SIMD_WASM_BASE64) : null;
  // Over 2 GiB or refused by the engine: the JS loops run on plain buffers, with the same bits.
  const memory = module === null ? null : kernelMemory(bytes);
  if (module === null || memory === null) {
    // Separate arrays, as the kernel had before the arena: no one allocation has to hold them all.
    return {
      kind: 'js', views: lengths.map((length) => new Float64Array(length)),
      nt: (A, B, _Bt, C, M, N, K) => gemmNT(A, B, C, 0, M, N, K),
      tn: (A, B, C, M, N, R) => gemmTN(A, B, C, 0, M, N, R),
      biasRelu: biasReluJs, reluBack: reluBackJs, columnSums: columnSumsJs,
    };
  }
  const simd = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as SimdExports;
  const views = lengths.map((length, i) => new Float64Array(memory.buffer, starts[i], length));
  const at = (v: Float64Array): number => {
    if (v.buffer !== memory.buffer) throw new Error('A SIMD product was given a buffer outside its arena.');
    return v.byteOffset;
  };
  return {
    kind: 'wasm-simd', views,
    // A·Bᵀ is A·Bt: A(m, k) at m·8K + k·8.
    nt: (A, _B, Bt, C, M, N, K) => simd.gemm(at(A), at(Bt), at(C), M, N, K, K * 8, 8),
    // Aᵀ·B: A [R, M] read down its columns, A(m, r) at m·8 + r·8M.
    tn: (A, B, C, M, N, R) => simd.gemm(at(A), at(B), at(C), M, N, R, 8, M * 8),
    biasRelu: (C, bias, rows, N, relu) => simd.biasRelu(at(C), at(bias), rows, N, relu ? 1 : 0),
    reluBack: (back, h, n) => simd.reluBack(at(back), at(h), n),
    columnSums: (A, out, rows, N) => simd.columnSums(at(A), at(out), rows, N),
  };
}
