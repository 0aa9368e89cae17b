import { spawnSync } from 'node:child_process';
import { PYTHON, pythonHas, reference } from './whole-process.ts';

/**
 * Seconds per epoch of scikit-learn's MLPClassifier (2 × 32 relu, adam, batch 1024) on a CSV of f0..f{d-1},label,
 * over `epochs` epochs (reading untimed); null, with a printed reason, when Debian's pandas/scikit-learn are missing.
 */
export function sklearnMlpEpoch(path: string, epochs = 4): number | null {
  if (!pythonHas(['pandas', 'sklearn'], 'MLP epoch')) return null;
  const run = spawnSync(PYTHON, [reference('mlp_epoch_sklearn.py'), path, String(epochs)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scikit-learn reference failed: ${run.stderr.trim()}`);
  return (JSON.parse(run.stdout) as { seconds_per_epoch: number }).seconds_per_epoch;
}
