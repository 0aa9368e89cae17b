import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { permutationImportance } from './permutation-importance.ts';

// A hand-made "model": the score is the first input, so the label-copy column is everything and the noise column nothing.
describe('permutationImportance', () => {
  const n = 400;
  const random = createRandom(3);
  const y = Uint8Array.from({ length: n }, () => (random.next() < 0.4 ? 1 : 0));
  const x = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    x[i * 2] = y[i]; // a perfect feature
    x[i * 2 + 1] = random.next(); // pure noise
  }
  const predict = async (design: Float32Array, m: number) => Float64Array.from({ length: m }, (_, i) => 0.9 * design[i * 2] + 0.1 * design[i * 2 + 1]);
  const groups = [{ column: 'noise', inputs: [1] }, { column: 'perfect', inputs: [0] }];

  it('a perfect feature dominates and pure noise has ΔAUC ≈ 0', async () => {
    const imp = await permutationImportance({ x, d: 2, y, classes: 2, predict, groups, seed: 11, repeats: 8 });
    expect(imp.metric).toBe('roc_auc');
    expect(imp.base).toBe(1);
    expect(imp.columns.map((c) => c.column)).toEqual(['perfect', 'noise']);
    const [perfect, noise] = imp.columns;
    // Shuffling the label copy leaves only noise plus a random 0/1 → AUC about 0.5, so the drop is about 0.5.
    expect(perfect.mean).toBeGreaterThan(0.4);
    expect(perfect.mean).toBeLessThan(0.6);
    // With the label copy in place, noise only breaks ties inside a class: the AUC stays exactly 1.
    expect(noise).toEqual({ column: 'noise', mean: 0, lo: 0, hi: 0 });
    expect(perfect.lo as number).toBeLessThanOrEqual(perfect.mean as number);
    expect(perfect.hi as number).toBeGreaterThanOrEqual(perfect.mean as number);
  });

  it('is seeded: same seed, same numbers; another seed, other draws', async () => {
    const a = await permutationImportance({ x, d: 2, y, classes: 2, predict, groups, seed: 11, repeats: 5 });
    const b = await permutationImportance({ x, d: 2, y, classes: 2, predict, groups, seed: 11, repeats: 5 });
    const c = await permutationImportance({ x, d: 2, y, classes: 2, predict, groups, seed: 12, repeats: 5 });
    expect(b).toEqual(a);
    // Stacking copies into fewer predict calls changes nothing but the call count.
    let calls = 0;
    const counted = async (design: Float32Array, m: number) => { calls++; return predict(design, m); };
    const oneByOne = await permutationImportance({ x, d: 2, y, classes: 2, predict: counted, groups, seed: 11, repeats: 5, maxBatchRows: n });
    expect(oneByOne).toEqual(a);
    expect(calls).toBe(1 + 2 * 5);
    expect(c.columns[0].mean).not.toBe(a.columns[0].mean);
  });

  it('scores each copy through predictPermuted when given, with the same draws and so the same numbers', async () => {
    const dense = await permutationImportance({ x, d: 2, y, classes: 2, predict, groups, seed: 11, repeats: 5 });
    const seen: string[] = [];
    const predictPermuted = async (design: Float32Array, m: number, inputs: readonly number[], order: Int32Array) => {
      seen.push(inputs.join());
      const copy = design.slice();
      for (let i = 0; i < m; i++) for (const j of inputs) copy[i * 2 + j] = design[order[i] * 2 + j];
      return predict(copy, m);
    };
    let batches = 0;
    const counted = async (design: Float32Array, m: number) => { batches++; return predict(design, m); };
    const viaHook = await permutationImportance({ x, d: 2, y, classes: 2, predict: counted, predictPermuted, groups, seed: 11, repeats: 5 });
    expect(viaHook).toEqual(dense);
    // Only the unshuffled base goes through predict; every copy, column by column, through the hook.
    expect(batches).toBe(1);
    expect(seen).toEqual([...Array(5).fill('1'), ...Array(5).fill('0')]);
  });

  it('multiclass uses Δ log loss; a one-class validation split gives no values and says why', async () => {
    const k = 3;
    const yc = Uint8Array.from({ length: 90 }, (_, i) => i % 3);
    const xc = Float32Array.from(yc);
    const onehot = async (design: Float32Array, m: number) => {
      const p = new Float64Array(m * k).fill(0.05);
      for (let i = 0; i < m; i++) p[i * k + design[i]] = 0.9;
      return p;
    };
    const imp = await permutationImportance({ x: xc, d: 1, y: yc, classes: k, predict: onehot, groups: [{ column: 'c', inputs: [0] }], seed: 1, repeats: 4 });
    expect(imp.metric).toBe('log_loss');
    expect(imp.base).toBeCloseTo(-Math.log(0.9), 12);
    expect(imp.columns[0].mean as number).toBeGreaterThan(1);
    const flat = await permutationImportance({ x: new Float32Array(4), d: 1, y: new Uint8Array(4), classes: 2, predict: async (_d, m) => new Float64Array(m), groups: [{ column: 'a', inputs: [0] }], seed: 1 });
    expect(flat.columns).toEqual([{ column: 'a', mean: null, lo: null, hi: null }]);
    expect(flat.note).toBe('the validation split has only one class, so AUC is undefined');
  });
});
