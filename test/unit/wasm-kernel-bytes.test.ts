import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KERNELS, bytesModule, compileKernelWat } from '../../scripts/build-wasm-kernel.js';
import { MLP_SIMD_WASM_BASE64 } from '../../src/core/models/mlp-simd-bytes.ts';
import { BOOTSTRAP_DRAWS_WASM_BASE64 } from '../../src/core/metrics/bootstrap-draws-bytes.ts';

const committed: Record<string, string> = { 'mlp-simd': MLP_SIMD_WASM_BASE64, 'bootstrap-draws': BOOTSTRAP_DRAWS_WASM_BASE64 };
const exportsOf = (base64: string) => WebAssembly.Module.exports(new WebAssembly.Module(Buffer.from(base64, 'base64'))).map((e) => `${e.kind} ${e.name}`);

describe('the committed WebAssembly kernels', () => {
  test.each(KERNELS.map((k) => [k.name, k] as const))('%s is its .wat compiled afresh with wabt (run node scripts/build-wasm-kernel.js after editing the .wat)', async (name, kernel) => {
    const fresh = await compileKernelWat(kernel);
    expect(Buffer.from(committed[name], 'base64').equals(Buffer.from(fresh))).toBe(true);
    expect(readFileSync(kernel.bytes, 'utf8')).toBe(bytesModule(kernel, fresh));
  });

  test('each is a valid module over an imported memory, exporting the routines its TypeScript side calls', () => {
    expect(exportsOf(MLP_SIMD_WASM_BASE64)).toEqual(['function gemm', 'function biasRelu', 'function reluBack', 'function columnSums']);
    expect(exportsOf(BOOTSTRAP_DRAWS_WASM_BASE64)).toEqual(['function draw', 'function sweep']);
    for (const base64 of Object.values(committed)) {
      expect(WebAssembly.Module.imports(new WebAssembly.Module(Buffer.from(base64, 'base64')))).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    }
  });
});
