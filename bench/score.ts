// Batch scoring throughput, for `npm run bench`: the CLI's streaming path (runScoreJob) on a generated CSV of
// BENCH_SCORE_ROWS rows (default 1,000,000) × 20 numeric features, for a logistic-regression and an MLP bundle, against
// the reference "read the file and split every record into fields" (the floor any CSV scorer pays). Prints wall and CPU
// rows/s (the machine is shared, so CPU time is the steadier figure) and the peak RSS while scoring.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleRun, createContract, createRunConfig, loadCsv, DEFAULT_ISSUE_POLICY } from '../src/core/index.ts';
import { openScoringBundle } from '../src/core/scoring.ts';
import { quietTfjs, trainBaseline } from '../src/core/training.ts';
import { forEachRecord } from '../src/core/scoring/csv-records.ts';
import { runScoreJob } from '../src/cli/score-job.ts';
import { syntheticCsv } from './synthetic.ts';
// As the CLI does: no tfjs banner in the benchmark's output.
quietTfjs();

const ROWS = Number(process.env.BENCH_SCORE_ROWS ?? 1_000_000);
const D = 20;
const dir = mkdtempSync(join(tmpdir(), 'mle-bench-score-'));

async function bundleFor(model: 'logistic' | 'mlp'): Promise<{ files: Readonly<Record<string, Uint8Array>>; scoring: Awaited<ReturnType<typeof openScoringBundle>> }> {
  const parsed = await loadCsv(new TextEncoder().encode(syntheticCsv(20_000, D, 11)), 'train.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const features = Array.from({ length: D }, (_, j) => `f${j}`);
  const config = createRunConfig({ seed: 1, backend: 'cpu', model, ...(model === 'mlp' ? { hyperparameters: { hidden: [32, 32], epochs: 3 } } : {}) });
  const outcome = await trainBaseline(parsed.snapshot, createContract('label', '1', features), config);
  const bundle = await bundleRun({ snapshot: parsed.snapshot, outcome, threshold: 0.5, app: { version: 'bench', gitSha: 'bench' }, createdAt: '2026-01-01T00:00:00.000Z' });
  return { files: bundle.files, scoring: await openScoringBundle(bundle.files, bundle.fileName) };
}

// Written in pieces so generating a large file never holds it all as one string.
const input = join(dir, 'score.csv');
const fd = openSync(input, 'w');
for (let done = 0; done < ROWS; done += 100_000) {
  const text = syntheticCsv(Math.min(100_000, ROWS - done), D, 100 + done);
  writeFileSync(fd, done === 0 ? text : text.slice(text.indexOf('\n') + 1));
}
closeSync(fd);

function timed<T>(body: () => T): { value: T; wall: number; cpu: number; peakRss: number } {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = body();
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  clearInterval(timer);
  return { value, wall, cpu: (used.user + used.system) / 1e6, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
}

const reference = timed(() => {
  const file = openSync(input, 'r');
  const buffer = new Uint8Array(1 << 20);
  const decoder = new TextDecoder();
  let carry = '';
  let records = 0;
  for (let n; (n = readSync(file, buffer, 0, buffer.length, null)) > 0;) {
    const text = carry + decoder.decode(buffer.subarray(0, n), { stream: true });
    const cut = text.lastIndexOf('\n') + 1;
    carry = text.slice(cut);
    forEachRecord(text.slice(0, cut), ',', () => { records++; });
  }
  closeSync(file);
  return records - 1;
});
const rate = (rows: number, s: number) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;
console.log(`score bench: ${ROWS.toLocaleString('en-US')} rows × ${D} numeric features`);
console.log(`  reference (read + split fields only): ${rate(reference.value, reference.wall)} wall, ${rate(reference.value, reference.cpu)} CPU (ratio 1.00)`);
for (const model of ['logistic', 'mlp'] as const) {
  const { files, scoring: bundle } = await bundleFor(model);
  const run = timed(() => runScoreJob(bundle, input, join(dir, `${model}.csv`), null, DEFAULT_ISSUE_POLICY, false));
  const rows = run.value.progress.scored;
  console.log(`  ${model.padEnd(8)} score → scored.csv: ${rate(rows, run.wall)} wall, ${rate(rows, run.cpu)} CPU ` +
    `(ratio ${(reference.cpu / run.cpu).toFixed(2)} of the reference), peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MB`);
}

// The same logistic bundle's score.py on a local 2-worker Dask cluster (needs Debian's python3-dask and -distributed).
const { files } = await bundleFor('logistic');
const unzipped = join(dir, 'bundle');
for (const [path, bytes] of Object.entries(files)) {
  mkdirSync(dirname(join(unzipped, path)), { recursive: true });
  writeFileSync(join(unzipped, path), bytes);
}
try {
  const script = new URL('./dask_score.py', import.meta.url).pathname;
  const line = execFileSync('/usr/bin/python3', [script, unzipped, input, join(dir, 'dask.csv'), '--workers', '2'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const dask = JSON.parse(line.trim().split('\n').pop() as string) as { rows: number; seconds: number };
  console.log(`  logistic score.py on Dask (LocalCluster, 2 workers): ${rate(dask.rows, dask.seconds)} wall (read, score and write)`);
} catch {
  console.log('  Dask: skipped (/usr/bin/python3 with dask and distributed is not installed)');
}
