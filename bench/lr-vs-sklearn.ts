// `npm run bench`: logistic regression read-to-fitted as whole processes, `mle-playground train` against pandas +
// scikit-learn (bench/lr_reference.py), run alternately, on a 100k × 20 binary CSV and on the bird-strike table
// (10k rows, multinomial, ~236 inputs after one-hot). Prints median wall times and the ratio ours / theirs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOGISTIC } from '../src/core/index.ts';
import { syntheticCsv } from './synthetic.ts';

const ROUNDS = Number(process.env.BENCH_LR_ROUNDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'lr-bench-'));
const binary = join(dir, 'binary-100k-20.csv');
writeFileSync(binary, syntheticCsv(100_000, 20));
// The bird-strike table ships in the vega-datasets npm package (`npm pack vega-datasets`); BENCH_BIRDSTRIKES points at it.
const birds = process.env.BENCH_BIRDSTRIKES ?? '/tmp/vega/package/data/birdstrikes.csv';
const cases = [
  { name: 'binary 100k × 20', csv: binary, label: 'label' },
  ...(existsSync(birds) ? [{ name: 'multinomial bird strikes', csv: birds, label: 'Effect Amount of damage' }] : []),
];
// The bird-strike table has a date column, so the default split is by time, and its one row of class "B" falls
// outside the train period (train refuses a class it cannot learn). scikit-learn's reference is a random split:
// compare like with like.
const stratified = join(dir, 'stratified.json');
const contractArgs = (label: string): string[] => {
  writeFileSync(stratified, JSON.stringify({ label, split: { policy: 'stratified-random', fractions: [0.6, 0.2, 0.2] } }));
  return ['--contract', stratified];
};
if (!existsSync(birds)) console.log(`bird strikes: skipped (no ${birds}; \`npm pack vega-datasets\` and set BENCH_BIRDSTRIKES)`);

const python = '/usr/bin/python3';
const hasSklearn = existsSync(python) && spawnSync(python, ['-c', 'import sklearn, pandas'], { stdio: 'ignore' }).status === 0;
if (!hasSklearn) console.log('pandas + scikit-learn: skipped (python3-sklearn / python3-pandas not installed)');
const tol = DEFAULT_LOGISTIC.gradientTolerance;

const timed = (run: () => string): { s: number; out: string } => {
  const t = performance.now();
  const out = run();
  return { s: (performance.now() - t) / 1000, out };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

console.log(`Logistic regression read-to-fitted, whole processes, ${ROUNDS} alternating rounds, C = 1, tol ${tol}`);
for (const c of cases) {
  const ours: number[] = [];
  const theirs: number[] = [];
  let iterations = '';
  let reference = '';
  for (let round = 0; round < ROUNDS; round++) {
    const a = timed(() => execFileSync(process.execPath, ['bin/mle-playground.js', 'train', c.csv, ...contractArgs(c.label), '--out', join(dir, 'out')], { encoding: 'utf8' }));
    ours.push(a.s);
    const summary = JSON.parse(a.out) as { iterations: number; converged: boolean };
    iterations = `${summary.iterations} iterations, converged ${summary.converged}`;
    if (hasSklearn) {
      // The same feature columns as the app chose, so both fit the same inputs.
      const steps = (JSON.parse(readFileSync(join(dir, 'out', 'preprocessing.json'), 'utf8')) as { steps: { column: string }[] }).steps;
      const features = steps.map((s) => s.column).join('\x1f');
      const b = timed(() => execFileSync(python, ['bench/lr_reference.py', c.csv, c.label, String(tol), features], { encoding: 'utf8' }));
      theirs.push(b.s);
      const ref = JSON.parse(b.out) as { inputs: number; iterations: number; fit_s: number };
      reference = `${ref.inputs} inputs, ${ref.iterations} iterations, fit ${ref.fit_s.toFixed(2)} s`;
    }
  }
  const line = `${c.name}: train ${median(ours).toFixed(2)} s (${iterations})`;
  console.log(hasSklearn ? `${line}; pandas + sklearn ${median(theirs).toFixed(2)} s (${reference}); ratio ${(median(ours) / median(theirs)).toFixed(2)} (goal ≤ 1.0)` : line);
}
