// `npx tsx bench/mlp-step-parts.ts`: where one host-kernel MLP step goes (batch 1024 of 20 inputs, 2 × 32 relu, one
// sigmoid output, adam), with the products in WebAssembly SIMD and in the JS loops: the whole step, the five
// products alone (the same calls on the same scratch), and the rest (gather, bias, activation, head loss, bias
// gradients, Adam) as the difference. Minimum over rounds of 200 steps, so other load on the machine drops out.
import { createHostMlp, hostMlpStep, hostScratch } from '../src/core/models/mlp-host-kernel.ts';
import { DEFAULT_MLP, validateMlp } from '../src/core/models/mlp-hyperparameters.ts';
import { mlpWidths } from '../src/core/models/mlp-network.ts';
import { mlpLayout } from '../src/core/models/mlp-step.ts';
import type { KernelArenaKind } from '../src/core/models/mlp-kernel-arena.ts';
import { syntheticDesign } from './synthetic.ts';

const BATCH = 1024;
const D = 20;
const STEPS = 200;
const ROUNDS = 7;
const { x, y } = syntheticDesign(BATCH * 8, D);
const layout = mlpLayout(mlpWidths(D, [32, 32], 1));
const hyper = validateMlp({ ...DEFAULT_MLP, hidden: [32, 32], batchSize: BATCH, dropout: 0, l2: 1e-4 });
const rows = Int32Array.from({ length: BATCH }, (_, i) => (i * 7) % (BATCH * 8));

function best(run: () => void): number {
  let min = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    for (let i = 0; i < STEPS; i++) run();
    min = Math.min(min, (performance.now() - t) / STEPS);
  }
  return min;
}

console.log(`\nHost MLP step: batch ${BATCH} × ${D}, 2 × 32 relu, 1 output (Node ${process.version}), ms per step`);
for (const kind of ['js', 'wasm-simd'] as KernelArenaKind[]) {
  const net = createHostMlp(layout, new Float32Array(layout.offsets.at(-1) as number).map((_, i) => Math.sin(i) * 0.1));
  const s = hostScratch(layout, BATCH, kind);
  const step = best(() => hostMlpStep(net, hyper, s, x, y, null, rows, BATCH, () => 1));
  const w = layout.widths;
  const products = best(() => {
    for (let l = 0; l < 3; l++) s.arena.nt(l === 0 ? s.x : s.fed[l - 1], s.wT[l], s.w[l], s.h[l], BATCH, w[l + 1], w[l]);
    for (let l = 2; l >= 0; l--) {
      s.arena.tn(l === 0 ? s.x : s.fed[l - 1], s.delta[l], s.kernelGrad, w[l], w[l + 1], BATCH);
      if (l > 0) s.arena.nt(s.delta[l], s.w[l], s.wT[l], s.delta[l - 1], BATCH, w[l], w[l + 1]);
    }
  });
  console.log(`  products ${s.arena.kind.padEnd(9)}  step ${step.toFixed(3)}  products ${products.toFixed(3)}  rest ${(step - products).toFixed(3)}`);
}
