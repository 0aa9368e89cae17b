// `npm run bench`: logistic regression read-to-fitted as whole processes, `mle-playground train` against pandas +
// scikit-learn (bench/lr_reference.py), run alternately, on a 100k × 20 binary CSV and on the bird-strike table
// (10k rows, multinomial, ~236 inputs after one-hot). Prints median wall times and the ratio ours / theirs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOGISTIC } from '../src/core/index.ts';
import { syntheticCsv } from './synthetic.ts';
import { alternate, describe, ratioLine, type Contender, type Timings } from './whole-process.ts';

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

console.log(`Logistic regression read-to-fitted, whole processes, ${ROUNDS} alternating rounds, C = 1, tol ${tol}`);
for (const c of cases) {
  const trainArgs = ['bin/mle-playground.js', 'train', c.csv, ...contractArgs(c.label), '--out', join(dir, 'out')];
  // One untimed run first: it warms the file cache, and its preprocessing names the feature columns the app chose, so
  // scikit-learn fits the same inputs.
  execFileSync(process.execPath, trainArgs, { encoding: 'utf8' });
  const steps = (JSON.parse(readFileSync(join(dir, 'out', 'preprocessing.json'), 'utf8')) as { steps: { column: string }[] }).steps;
  const features = steps.map((s) => s.column).join('\x1f');
  // `train` uses a second thread for files of 2 MB or more; the one-thread run shows what that thread is worth here.
  const contenders: Contender[] = [
    { name: 'ours', command: process.execPath, args: trainArgs },
    { name: 'ours, one thread', command: '/usr/bin/env', args: ['MLE_PLAYGROUND_TRAIN_THREAD=0', process.execPath, ...trainArgs] },
    ...(hasSklearn ? [{ name: 'sklearn', command: python, args: ['bench/lr_reference.py', c.csv, c.label, String(tol), features] }] : []),
  ];
  const timings = alternate(contenders, ROUNDS);
  const ours = timings.get('ours') as Timings;
  const single = timings.get('ours, one thread') as Timings;
  const summary = JSON.parse(ours.stdout) as { iterations: number; converged: boolean };
  console.log(`${c.name}: train ${describe(ours)}, ${summary.iterations} iterations, converged ${summary.converged}; one thread ${describe(single)}`);
  // Read to fitted, whole process: each run's wall time less what it did after the model was fitted and had scored
  // the splits (the checks' verdict, evaluation, reliance, bundle), from the timings `train` prints.
  const fitted: Timings = {
    wall: ours.wall.map((w, i) => {
      const t = (JSON.parse(ours.stdouts[i] as string) as { timings_ms: { fitted: number; total: number } }).timings_ms;
      return w - (t.total - t.fitted) / 1000;
    }),
    cpu: [], stdouts: [], stdout: '',
  };
  const theirs = timings.get('sklearn');
  if (theirs) {
    const ref = JSON.parse(theirs.stdout) as { inputs: number; iterations: number; fit_s: number };
    console.log(`  pandas + sklearn ${describe(theirs)} (${ref.inputs} inputs, ${ref.iterations} iterations, fit ${ref.fit_s.toFixed(2)} s)`);
    console.log(`  ${ratioLine(`${c.name}, whole train (read, checks, fit, evaluation, reliance, bundle)`, ours, theirs, 'pandas + scikit-learn LogisticRegression (lbfgs), read to fitted', 1)}`);
    console.log(`  ${ratioLine(`${c.name}, read to fitted (process start until the model is fitted and has scored the splits)`, fitted, theirs, 'the same', 1)}`);
  }
}
