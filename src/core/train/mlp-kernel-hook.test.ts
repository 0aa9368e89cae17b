import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createContract, createRunConfig, loadCsv } from '../index.ts';
import { trainBaseline } from './train-baseline.ts';

// `reproduce` retrains a wasm MLP bundle with each kernel in turn when the machine's timing picks the other one; that
// needs the kernel asked for to be the kernel that runs, and a kernel asked for to give the chosen kernel's bytes.
describe('TrainHooks.mlpKernel', () => {
  test('an MLP trains with the kernel asked for: host gives the bytes automatic mode gives on cpu, tfjs other bytes', async () => {
    const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url))), 'titanic.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const contract = createContract('survived', '1', ['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'embarked']);
    const config = createRunConfig({ seed: 5, backend: 'cpu', model: 'mlp', hyperparameters: { epochs: 3, hidden: [8, 4] } });
    const auto = await trainBaseline(parsed.snapshot, contract, config);
    const host = await trainBaseline(parsed.snapshot, contract, config, { mlpKernel: 'host' });
    const tfjs = await trainBaseline(parsed.snapshot, contract, config, { mlpKernel: 'tfjs' });
    expect(auto.backend.notes.join(' ')).toMatch(/host kernel \(typed arrays\) beside cpu/);
    expect(host.backend.notes.join(' ')).toMatch(/host kernel \(typed arrays, its products in WebAssembly SIMD\), as asked/);
    expect(tfjs.backend.notes.join(' ')).toMatch(/cpu tfjs kernels, as asked/);
    expect(Buffer.from(host.modelFiles['weights.bin']).equals(Buffer.from(auto.modelFiles['weights.bin']))).toBe(true);
    expect(Buffer.from(tfjs.modelFiles['weights.bin']).equals(Buffer.from(auto.modelFiles['weights.bin']))).toBe(false);
  }, 60_000);
});
