import { confusionAt, createRandom, evaluationReport, thresholdSweep, type Snapshot } from '../src/core/index.ts';

// `npm run bench`: the full evaluation report on 1M scored rows in Node (sweep, ROC/PR, calibration, 10 slices,
// 1000-resample bootstrap), and one slider update (a matrix at a new threshold) against the naive reference: a
// full scan of every row at that threshold (ratio 1.00).
const n = Number(process.env.BENCH_EVAL_ROWS ?? process.env.BENCH_ROWS ?? 1_000_000);
const random = createRandom(17);
const labels = new Uint8Array(n);
const scores = new Float64Array(n);
const codes = new Int32Array(n);
for (let i = 0; i < n; i++) {
  labels[i] = random.next() < 0.3 ? 1 : 0;
  // A logistic of a noisy margin: continuous, almost no ties, like a real model's probabilities.
  const margin = (labels[i] ? 1.2 : -0.8) + (random.next() + random.next() + random.next() - 1.5) * 2.5;
  scores[i] = 1 / (1 + Math.exp(-margin));
  codes[i] = random.nextInt(10);
}
const snapshot: Snapshot = {
  id: 'bench', fileName: 'bench.csv', rowCount: n,
  columns: [{ name: 'segment', type: 'categorical', codes, categories: Array.from({ length: 10 }, (_, k) => `s${k}`), missing: 0, distinct: 10 }],
} as unknown as Snapshot;
const rows = Int32Array.from({ length: n }, (_, i) => i);

console.log(`Evaluation benchmark: ${n.toLocaleString('en')} scored rows, 10 slices, 1000-resample bootstrap (Node ${process.version})`);
const started = performance.now();
const report = evaluationReport({
  evaluated: { rows, scores, labels }, strategy: { kind: 'min-cost', costFp: 1, costFn: 5 },
  bootstrap: { resamples: 1000, seed: 1 }, snapshot, slices: [{ columns: ['segment'] }], errorColumns: ['segment'],
});
const seconds = (performance.now() - started) / 1000;
console.log(`full report: ${seconds.toFixed(2)} s (goal < 2 s; ${report.slices[0].rows.length} slices, AUC ${report.roc_auc?.toFixed(4)}, bootstrap ${report.bootstrap?.method})`);

const sweep = thresholdSweep(scores, labels);
const thresholds = Array.from({ length: 1000 }, (_, i) => i / 1000);
let sink = 0;
const t0 = performance.now();
for (const t of thresholds) sink += confusionAt(sweep, t).tp;
const perUpdate = (performance.now() - t0) / thresholds.length;
const scan = (t: number) => {
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < n; i++) if (scores[i] >= t) { if (labels[i]) tp++; else fp++; }
  return tp + fp;
};
const t1 = performance.now();
for (const t of thresholds.slice(0, 20)) sink += scan(t);
const perScan = (performance.now() - t1) / 20;
console.log(`slider update (binary search on the exact sweep): ${(perUpdate * 1000).toFixed(2)} µs (goal < 1 ms); full scan (reference): ${perScan.toFixed(2)} ms; ratio ${(perScan / perUpdate).toFixed(0)}× ${sink > 0 ? '' : ' '}`);
