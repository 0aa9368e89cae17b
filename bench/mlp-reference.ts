import { spawnSync } from 'node:child_process';
import { PYTHON, pythonHas, reference } from './whole-process.ts';

/**
 * Wall and CPU (process_time, all threads) seconds per epoch of scikit-learn's MLPClassifier (2 × 32 relu, adam, batch 1024) on a CSV of f0..f{d-1},label,
 * over `epochs` epochs (reading untimed); null, with a printed reason, when Debian's pandas/scikit-learn are missing.
 */
export function sklearnMlpEpoch(path: string, epochs = 4): { wall: number; cpu: number } | null {
  if (!pythonHas(['pandas', 'sklearn'], 'MLP epoch')) return null;
  const run = spawnSync(PYTHON, [reference('mlp_epoch_sklearn.py'), path, String(epochs)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scikit-learn reference failed: ${run.stderr.trim()}`);
  const out = JSON.parse(run.stdout) as { seconds_per_epoch: number; cpu_per_epoch: number };
  return { wall: out.seconds_per_epoch, cpu: out.cpu_per_epoch };
}
