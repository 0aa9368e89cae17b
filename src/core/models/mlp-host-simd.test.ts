import { describe, expect, test } from 'vitest';
import { createRandom } from '../random.ts';
import { createHostMlp, hostMeanLoss, hostMlpStep, hostScratch } from './mlp-host-kernel.ts';
import type { KernelArenaKind } from './mlp-kernel-arena.ts';
import { DEFAULT_MLP, validateMlp, type MlpHyperparameters } from './mlp-hyperparameters.ts';
import { mlpWidths } from './mlp-network.ts';
import { mlpLayout } from './mlp-step.ts';

// FNV-1a of the bytes: a short fingerprint of every bit of a Float32Array.
function fnv(array: Float32Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16);
}

interface Case {
  readonly d: number;
  readonly hidden: readonly number[];
  readonly outputs: number;
  readonly activation: MlpHyperparameters['activation'];
  readonly dropout: number;
  readonly batch: number;
  readonly weights: boolean;
  readonly l2: number;
  /** Fingerprints of params, Adam's m and v after 30 steps, and the validation loss, as the host kernel of main at
   * 094b35c (JS products, before the SIMD arena) computed them: a trained MLP must not change by a bit. */
  readonly want: readonly [string, string, string, number];
}

// Odd batches and widths (every SIMD tail), softmax heads, dropout, sample weights, L2, each activation.
const CASES: readonly Case[] = [
  { d: 7, hidden: [5, 3], outputs: 1, activation: 'relu', dropout: 0, batch: 33, weights: false, l2: 0, want: ['b01ae0cc', 'a61b61f6', 'b28a5dd0', 0.6882400667959677] },
  { d: 20, hidden: [32, 32], outputs: 1, activation: 'relu', dropout: 0, batch: 256, weights: true, l2: 1e-4, want: ['1a03a57d', 'cce6044f', 'e93beb7f', 0.41871065324594814] },
  { d: 9, hidden: [17], outputs: 3, activation: 'tanh', dropout: 0.2, batch: 31, weights: true, l2: 1e-3, want: ['7c7179cc', 'e4c79cfc', '9a5ce249', 1.0878717560737168] },
  { d: 4, hidden: [6, 7, 5], outputs: 4, activation: 'sigmoid', dropout: 0, batch: 16, weights: false, l2: 0, want: ['a8b88688', 'fed75399', '4babf067', 1.3884021596669325] },
  { d: 11, hidden: [10, 9], outputs: 1, activation: 'relu', dropout: 0.3, batch: 64, weights: false, l2: 0, want: ['681bf34c', '617cba00', '9b1ea736', 0.6784621573305918] },
];

function train(c: Case, kind: KernelArenaKind): { fingerprints: [string, string, string, number]; losses: number[] } {
  const random = createRandom(3);
  const n = 300;
  const x = Float32Array.from({ length: n * c.d }, () => random.next() * 4 - 2);
  const y = Uint8Array.from({ length: n }, () => Math.floor(random.next() * (c.outputs === 1 ? 2 : c.outputs)));
  const w = c.weights ? Float32Array.from({ length: n }, () => 0.5 + random.next()) : null;
  const layout = mlpLayout(mlpWidths(c.d, c.hidden, c.outputs));
  const hyper = validateMlp({ ...DEFAULT_MLP, hidden: c.hidden, batchSize: c.batch, activation: c.activation, dropout: c.dropout, l2: c.l2 });
  const net = createHostMlp(layout, Float32Array.from({ length: layout.offsets.at(-1) as number }, (_, i) => Math.sin(i * 1.3) * 0.3));
  const s = hostScratch(layout, c.batch, kind);
  expect(s.arena.kind).toBe(kind);
  const losses: number[] = [];
  for (let step = 0; step < 30; step++) {
    const rows = Int32Array.from({ length: c.batch }, (_, i) => (step * 37 + i * 13) % n);
    losses.push(hostMlpStep(net, hyper, s, x, y, w, rows, c.batch, (l) => step * 16 + l));
  }
  return { fingerprints: [fnv(net.params), fnv(net.m), fnv(net.v), hostMeanLoss(net, hyper, x, y)], losses };
}

describe('host MLP kernel: WebAssembly SIMD and JS loops', () => {
  test.each(CASES)('$hidden $activation, $outputs out, batch $batch, dropout $dropout: same bits as before, both ways', (c) => {
    const simd = train(c, 'wasm-simd');
    const js = train(c, 'js');
    expect(simd.fingerprints).toEqual(c.want);
    expect(js.fingerprints).toEqual(c.want);
    simd.losses.forEach((loss, i) => expect(Object.is(loss, js.losses[i])).toBe(true));
    // The run learned something: these are not the fingerprints of an untouched net.
    expect(simd.losses.at(-1)).not.toBe(simd.losses[0]);
  });
});
