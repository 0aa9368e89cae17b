import { describe, expect, test } from 'vitest';
import './wasm-backend.ts';
import { calibrateMlpBackends, fastest, mlpShapeClass, type MlpShape } from './calibrate.ts';
import { chooseMlpKernel } from './mlp-kernel.ts';
import { tf } from './tf.ts';

const shape: MlpShape = { rows: 100_000, inputs: 20, hidden: [32, 32], batchSize: 1024, outputs: 1 };

describe('MLP backend calibration on the run shape', () => {
  test('shape class: rows and inputs to the next power of two, exact layout, batch and outputs', () => {
    expect(mlpShapeClass(shape)).toBe('mlp:rows2^17:inputs2^5:hidden32x32:batch1024:out1');
    // 70k rows share 100k's class (both ≤ 2^17); 140k rows and a different batch or layout do not.
    expect(mlpShapeClass({ ...shape, rows: 70_000 })).toBe(mlpShapeClass(shape));
    expect(mlpShapeClass({ ...shape, rows: 140_000 })).not.toBe(mlpShapeClass(shape));
    expect(mlpShapeClass({ ...shape, batchSize: 256 })).not.toBe(mlpShapeClass(shape));
    expect(mlpShapeClass({ ...shape, hidden: [64] })).toBe('mlp:rows2^17:inputs2^5:hidden64:batch1024:out1');
    expect(mlpShapeClass({ ...shape, inputs: 231, outputs: 5 })).toBe('mlp:rows2^17:inputs2^8:hidden32x32:batch1024:out5');
  });

  test('wasm gets the faster of its two kernels, cpu the host kernel timed once: wasm never loses to cpu', async () => {
    const timings = await calibrateMlpBackends({ ...shape, rows: 2000, batchSize: 256 }, ['wasm', 'cpu']);
    expect(timings.wasm).toBeGreaterThan(0);
    expect(timings.cpu).toBeGreaterThanOrEqual(timings.wasm as number);
    expect(fastest(timings)).toBe('wasm');
  });

  test('on wasm the kernel is chosen by timing both on the shape, and the note gives both timings', async () => {
    await tf.setBackend('wasm');
    const choice = await chooseMlpKernel('wasm', { ...shape, rows: 2000, batchSize: 256 });
    expect(choice.hostMs).toBeGreaterThan(0);
    expect(choice.ms).toBeLessThanOrEqual(choice.hostMs as number);
    expect(choice.note).toMatch(/host [\d.]+ ms, wasm [\d.]+ ms per step of this shape/);
    expect(choice.note).toContain(choice.kernel === 'host' ? 'ran on the host kernel' : "ran on wasm's tfjs kernels");
  });

  test('a backend that is not registered does not compete', async () => {
    const timings = await calibrateMlpBackends({ ...shape, rows: 500, batchSize: 64, outputs: 3 }, ['webgpu', 'cpu']);
    expect(Object.keys(timings)).toEqual(['cpu']);
    expect(fastest({ webgl: 9, wasm: 4, cpu: 4.5 })).toBe('wasm');
  });
});
