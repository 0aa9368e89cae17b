import { readFileSync } from 'node:fs';
import { parseCsv, readScoresTable, evaluationReport, thresholdSweep, binaryReport, calibrationBins } from '../src/core/index.ts';
import { errorLists } from '../src/core/evaluation/error-lists.ts'; import { operatingPoints } from '../src/core/evaluation/operating-points.ts'; import { scoreHistogram } from '../src/core/evaluation/score-histogram.ts';
import { rocCurve } from '../src/core/metrics/roc-curve.ts'; import { prCurve } from '../src/core/metrics/pr-curve.ts'; import { thinIndices, sweepTable } from '../src/core/evaluation/sweep-table.ts';
let c = process.cpuUsage();
const lap = (name: string) => { const u = process.cpuUsage(c); console.log(name.padEnd(18), ((u.user + u.system) / 1000).toFixed(0), 'ms cpu'); c = process.cpuUsage(); };
const res = await parseCsv(new Uint8Array(readFileSync('/tmp/perfb/scores-1m.csv')), 'x.csv'); if (!res.ok) throw 0;
const snap = res.snapshot; lap('parse');
for (let rep = 0; rep < 2; rep++) {
  const table = readScoresTable(snap, { label: 'label', scores: ['score'] }); lap('readScoresTable');
  const r = evaluationReport({ evaluated: table, choice: null, strategy: { kind: 'fixed', value: 0.5 }, snapshot: snap, slices: [], bootstrap: null, errorColumns: [] }); lap('REPORT');
  const sw = thresholdSweep(table.scores, table.labels); lap(' sweep');
  binaryReport(table.scores, table.labels, 0.5, sw); lap(' binaryReport');
  calibrationBins(table.scores, table.labels); lap(' calib');
  scoreHistogram(table.scores, table.labels); lap(' hist');
  errorLists(table.rows, table.scores, table.labels, 0.5, 50); lap(' errorLists');
  operatingPoints(sw); lap(' opPoints');
  const roc = rocCurve(sw); thinIndices(roc.fpr, roc.tpr, 2000); lap(' roc+thin');
  const pr = prCurve(sw); const k = thinIndices(pr.recall, pr.precision, 2000); sweepTable(sw, undefined, k); lap(' pr+thin+table');
  JSON.stringify(r, null, 2); lap(' stringify');
}
