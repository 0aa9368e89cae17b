// `npm run bench`: one MLP epoch (BENCH_MLP_ROWS rows, default 100,000 × 20; 2 × 32 relu, adam, batch 1024) in Node
// on tfjs wasm (and cpu with BENCH_MLP_BACKENDS=wasm,cpu), with the host kernel and the tfjs kernel, against scikit-learn's MLPClassifier epoch on the same
// rows. Ours: the median of epochs 2..E of trainMlp, timed between its per-epoch callbacks (the first epoch carries
// backend warm-up). Theirs: MLPClassifier.fit over E epochs / E, run as its own process (reading the CSV untimed).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/core/models/wasm-backend.ts';
import { activateBackend, quietTfjs } from '../src/core/training.ts';
import { trainMlp, type MlpKernel } from '../src/core/models/train-mlp.ts';
import { DEFAULT_MLP } from '../src/core/index.ts';
import { syntheticCsv, syntheticDesign } from './synthetic.ts';
import { median } from './whole-process.ts';
import { sklearnMlpEpoch } from './mlp-reference.ts';
// As the CLI does: no tfjs banner in the benchmark's output.
quietTfjs();

const ROWS = Number(process.env.BENCH_MLP_ROWS ?? 100_000);
const D = 20;
const EPOCHS = Number(process.env.BENCH_MLP_EPOCHS ?? 4);
const train = syntheticDesign(ROWS, D);
const none = { x: new Float32Array(0), y: new Uint8Array(0) };
const hyper = { ...DEFAULT_MLP, hidden: [32, 32], batchSize: 1024, epochs: EPOCHS, patience: EPOCHS + 1, dropout: 0, l2: 1e-4 };
console.log(`\nMLP epoch: ${ROWS.toLocaleString('en')} × ${D}, 2 × 32 relu, adam, batch 1024, no dropout, L2 1e-4 (sklearn's alpha) (Node ${process.version})`);

/** Wall and CPU seconds per epoch on a tfjs backend with the given kernel (host typed arrays or tfjs): medians over epochs 2..E. */
export async function nodeEpoch(backend: 'wasm' | 'cpu', kernel: MlpKernel): Promise<{ wall: number; cpu: number }> {
  await activateBackend(backend);
  const wall: number[] = [];
  const cpu: number[] = [];
  let t = performance.now();
  let c = process.cpuUsage();
  const fit = await trainMlp(train, none, D, hyper, 1, () => {
    const u = process.cpuUsage(c);
    wall.push((performance.now() - t) / 1000);
    cpu.push((u.user + u.system) / 1e6);
    t = performance.now();
    c = process.cpuUsage();
    return false;
  }, undefined, 2, kernel);
  fit.model.dispose();
  return { wall: median(wall.length > 1 ? wall.slice(1) : wall), cpu: median(cpu.length > 1 ? cpu.slice(1) : cpu) };
}

const path = join(tmpdir(), `mle-bench-mlp-${ROWS}.csv`);
writeFileSync(path, syntheticCsv(ROWS, D));
const sklearn = sklearnMlpEpoch(path, EPOCHS);
if (sklearn !== null) console.log(`  scikit-learn MLPClassifier (adam)   ${sklearn.wall.toFixed(3)} s per epoch (cpu ${sklearn.cpu.toFixed(3)} s)`);
// The host kernel is what wasm and cpu train with; the tfjs kernel is shown beside it for comparison (BENCH_MLP_KERNELS).
for (const backend of (process.env.BENCH_MLP_BACKENDS ?? 'wasm').split(',') as ('wasm' | 'cpu')[]) {
  for (const kernel of (process.env.BENCH_MLP_KERNELS ?? 'host,tfjs').split(',') as MlpKernel[]) {
    const ours = await nodeEpoch(backend, kernel);
    const ratio = sklearn === null ? '' : `  ratio = ours/theirs = ${(ours.wall / sklearn.wall).toFixed(2)} wall, ${(ours.cpu / sklearn.cpu).toFixed(2)} cpu vs scikit-learn MLPClassifier (goal ≤ 2)`;
    console.log(`  node ${backend.padEnd(4)}, ${kernel.padEnd(4)} kernel              ${ours.wall.toFixed(3)} s per epoch (cpu ${ours.cpu.toFixed(3)} s)${ratio}`);
  }
}
