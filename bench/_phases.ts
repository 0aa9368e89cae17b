import { readFileSync } from 'node:fs';
import { parseCsv, readScoresTable, evaluationReport, suggestedPiiColumns, thresholdSweep, binaryReport, calibrationBins } from '../src/core/index.ts';
import { errorLists } from '../src/core/evaluation/error-lists.ts'; import { operatingPoints } from '../src/core/evaluation/operating-points.ts'; import { scoreHistogram } from '../src/core/evaluation/score-histogram.ts';
const t = () => performance.now();
let s = t();
const bytes = new Uint8Array(readFileSync('/tmp/perfb/scores-1m.csv'));
const res = await parseCsv(bytes, 'x.csv'); if (!res.ok) throw 0;
const snap = res.snapshot; console.log('parse', (t() - s).toFixed(0)); 
for (let rep = 0; rep < 3; rep++) {
s = t(); const table = readScoresTable(snap, { label: 'label', scores: ['score'] }); console.log('readScoresTable', (t() - s).toFixed(0));
s = t(); const pii = suggestedPiiColumns(snap, 'label'); console.log('pii', (t() - s).toFixed(0));
s = t(); const r = evaluationReport({ evaluated: table, choice: null, strategy: { kind: 'fixed', value: 0.5 }, snapshot: snap, slices: [], bootstrap: null, errorColumns: [] }); console.log('report', (t() - s).toFixed(0));
s = t(); const sw = thresholdSweep(table.scores, table.labels); console.log(' sweep', (t() - s).toFixed(0));
s = t(); binaryReport(table.scores, table.labels, 0.5, sw); console.log(' binaryReport', (t() - s).toFixed(0));
s = t(); calibrationBins(table.scores, table.labels); console.log(' calib', (t() - s).toFixed(0));
s = t(); scoreHistogram(table.scores, table.labels); console.log(' hist', (t() - s).toFixed(0));
s = t(); errorLists(table.rows, table.scores, table.labels, 0.5, 50); console.log(' errorLists', (t() - s).toFixed(0));
s = t(); operatingPoints(sw); console.log(' opPoints', (t() - s).toFixed(0));
s = t(); const j = JSON.stringify(r, null, 2); console.log('stringify', (t() - s).toFixed(0), j.length);
}
