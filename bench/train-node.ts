// Training speed in Node: LR to convergence and MLP 2×32 epochs, on cpu and wasm, for `npm run bench`.
import '../src/core/models/wasm-backend.ts';
import { activateBackend, quietTfjs, trainLogistic } from '../src/core/training.ts';
import { trainMlp } from '../src/core/models/train-mlp.ts';
import { DEFAULT_LOGISTIC, DEFAULT_MLP } from '../src/core/index.ts';
import { syntheticDesign } from './synthetic.ts';
// As the CLI does: no tfjs banner in the benchmark's output.
quietTfjs();

const ROWS = 100_000;
const D = 20;
const train = syntheticDesign(ROWS, D);
const none = { x: new Float32Array(0), y: new Uint8Array(0) };

for (const backend of ['cpu', 'wasm'] as const) {
  await activateBackend(backend);
  let t = performance.now();
  const lr = await trainLogistic(train, none, D, DEFAULT_LOGISTIC, () => false);
  console.log(`node ${backend.padEnd(6)} LR to convergence: ${((performance.now() - t) / 1000).toFixed(3)} s, ${lr.iterations} L-BFGS iterations (converged: ${lr.converged})`);
  for (const batchSize of [256, 1024]) {
    const epochs = 2;
    t = performance.now();
    const fit = await trainMlp(train, none, D, { ...DEFAULT_MLP, hidden: [32, 32], batchSize, epochs, patience: 10 }, 1, () => false);
    fit.model.dispose();
    console.log(`node ${backend.padEnd(6)} MLP 2×32 batch ${String(batchSize).padEnd(4)}: ${((performance.now() - t) / 1000 / epochs).toFixed(3)} s per epoch`);
  }
}
