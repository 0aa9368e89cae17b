import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BYTES_PATH, bytesModule, compileKernelWat } from '../../scripts/build-wasm-kernel.js';
import { MLP_SIMD_WASM_BASE64 } from '../../src/core/models/mlp-simd-bytes.ts';

describe('mlp-simd-bytes.ts', () => {
  test('is mlp-simd.wat compiled afresh with wabt (run node scripts/build-wasm-kernel.js after editing the .wat)', async () => {
    const fresh = await compileKernelWat();
    expect(Buffer.from(MLP_SIMD_WASM_BASE64, 'base64').equals(Buffer.from(fresh))).toBe(true);
    expect(readFileSync(BYTES_PATH, 'utf8')).toBe(bytesModule(fresh));
  });

  test('is a valid module exporting the kernel arena\'s four routines over an imported memory', () => {
    const module = new WebAssembly.Module(Buffer.from(MLP_SIMD_WASM_BASE64, 'base64'));
    expect(WebAssembly.Module.exports(module).map((e) => `${e.kind} ${e.name}`)).toEqual(['function gemm', 'function biasRelu', 'function reluBack', 'function columnSums']);
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
  });
});
