// `npm run bench`: the project against what a user would use instead ("faster than the notebook", issue 16), as whole
// processes run alternately, median of BENCH_ROUNDS (default 3) rounds; sizes from BENCH_ROWS (default 1,000,000).
//   ingest + profile, rows × 25:  `mle-playground profile`  vs pandas read_csv + describe, and vs papaparse
//   evaluate, rows scores:         `mle-playground evaluate` vs pandas read_csv + sklearn AUC, ROC, PR, Brier
// Runs the built CLI (bin/mle-playground.js → dist-cli/); `npm run bench` builds it first. BENCH_BASELINE_BIN=path of
// another checkout's bin/mle-playground.js adds that build as a further contender (before/after a change).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCsv } from './generate-csv.ts';
import { generateScores } from './generate-scores.ts';
import { alternate, describe, PYTHON, pythonHas, ratioLine, reference, type Contender } from './whole-process.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const only = (process.env.BENCH_ONLY ?? 'ingest,evaluate').split(',');
const BIN = new URL('../bin/mle-playground.js', import.meta.url).pathname;
const node = process.execPath;
const label = rows.toLocaleString('en');
const baseline = process.env.BENCH_BASELINE_BIN;
console.log(`Whole processes, alternated, median of ${rounds} (Node ${process.version}; BENCH_ROWS=${rows}, BENCH_ROUNDS=${rounds})`);

if (only.includes('ingest')) {
  const path = join(tmpdir(), `mle-bench-${rows}.csv`);
  const mb = (await generateCsv(path, rows)) / 1e6;
  const pandas = pythonHas(['pandas'], 'ingest');
  const contenders: Contender[] = [
    { name: 'ours', command: node, args: [BIN, 'profile', path] },
    ...(baseline ? [{ name: 'baseline', command: node, args: [baseline, 'profile', path] }] : []),
    { name: 'papaparse', command: node, args: [new URL('./papaparse-parse.mjs', import.meta.url).pathname, path] },
    ...(pandas ? [{ name: 'pandas', command: PYTHON, args: [reference('ingest_pandas.py'), path] }] : []),
  ];
  const t = alternate(contenders, rounds);
  const ours = t.get('ours')!;
  console.log(`\ningest + profile, ${label} rows × 25 columns (${mb.toFixed(0)} MB)`);
  console.log(`  mle-playground profile                  ${describe(ours)}`);
  if (baseline) console.log(`  baseline build profile                  ${describe(t.get('baseline')!)}  (${baseline})`);
  console.log(`  papaparse {header, dynamicTyping}       ${describe(t.get('papaparse')!)}`);
  if (pandas) console.log(`  pandas read_csv + describe              ${describe(t.get('pandas')!)}`);
  if (pandas) console.log(`  ${ratioLine('ingest', ours, t.get('pandas')!, 'pandas read_csv + describe', 1 / 0.8)}`);
  console.log(`  ${ratioLine('ingest', ours, t.get('papaparse')!, 'papaparse {header, dynamicTyping}', 1 / 3.5)}`);
}

if (only.includes('evaluate')) {
  const path = join(tmpdir(), `mle-bench-scores-${rows}.csv`);
  const mb = (await generateScores(path, rows)) / 1e6;
  const sklearn = pythonHas(['pandas', 'sklearn'], 'evaluate');
  const evaluate = ['evaluate', path, '--label', 'label', '--score', 'score'];
  const contenders: Contender[] = [
    { name: 'ours0', command: node, args: [BIN, ...evaluate, '--bootstrap', '0'] },
    ...(sklearn ? [{ name: 'sklearn', command: PYTHON, args: [reference('evaluate_sklearn.py'), path] }] : []),
    { name: 'ours', command: node, args: [BIN, ...evaluate] },
    ...(baseline ? [{ name: 'baseline0', command: node, args: [baseline, ...evaluate, '--bootstrap', '0'] }] : []),
  ];
  const t = alternate(contenders, rounds);
  console.log(`\nevaluate ${label} scores (${mb.toFixed(0)} MB; read, AUC, ROC, PR, Brier)`);
  console.log(`  mle-playground evaluate --bootstrap 0   ${describe(t.get('ours0')!)}`);
  console.log(`  mle-playground evaluate (1000 resamples) ${describe(t.get('ours')!)}`);
  if (baseline) console.log(`  baseline build, --bootstrap 0            ${describe(t.get('baseline0')!)}  (${baseline})`);
  if (sklearn) {
    const theirs = t.get('sklearn')!;
    console.log(`  pandas + scikit-learn                   ${describe(theirs)}`);
    // Same outputs: the headline numbers agree with scikit-learn's (summation order may move Brier's last digits).
    const a = JSON.parse(t.get('ours0')!.stdout) as { roc_auc: number; brier: number; roc_curve: { points_exact: number }; pr_curve: { points_exact: number } };
    const b = JSON.parse(theirs.stdout) as { roc_auc: number; brier: number; roc_points: number; pr_points: number };
    console.log(`  AUC ours ${a.roc_auc} vs sklearn ${b.roc_auc} (|Δ| ${Math.abs(a.roc_auc - b.roc_auc).toExponential(1)}); Brier ${a.brier} vs ${b.brier} (|Δ| ${Math.abs(a.brier - b.brier).toExponential(1)})`);
    console.log(`  curve points: ours exact ROC ${a.roc_curve.points_exact}, PR ${a.pr_curve.points_exact} (JSON thinned for plotting); sklearn ROC ${b.roc_points} (drop_intermediate), PR ${b.pr_points}`);
    console.log(`  ${ratioLine('evaluate --bootstrap 0', t.get('ours0')!, theirs, 'pandas + scikit-learn', 0.7)}`);
    console.log(`  ${ratioLine('evaluate, default bootstrap (1000)', t.get('ours')!, theirs, 'pandas + scikit-learn')}`);
    if (baseline) console.log(`  ${ratioLine('baseline build, evaluate --bootstrap 0', t.get('baseline0')!, theirs, 'pandas + scikit-learn')}`);
  }
}
