import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCsv } from './generate-csv.ts';

// `npm run bench` (rows from BENCH_ROWS, default 1M): ingest throughput of the app's parse + type + profile path against papaparse's own
// `{header: true, dynamicTyping: true}` (the reference, ratio 1.00) on the same generated file, in Node.
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const path = join(tmpdir(), `mle-bench-${rows}.csv`);
const bytes = await generateCsv(path, rows);
const mb = bytes / 1e6;
console.log(`Ingest benchmark: ${path}, ${mb.toFixed(1)} MB, ${rows.toLocaleString('en')} rows × 25 columns (Node ${process.version})`);

interface Result { method: string; rows: number; seconds: number; peakBytes: number; columnBytes: number }
const measure = (method: string): Result => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', new URL('./ingest-worker.ts', import.meta.url).pathname, method, path], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').at(-1) as string) as Result;

const reference = measure('papaparse');
const ours = measure('ours');
const row = (label: string, r: Result) =>
  `${label.padEnd(52)} ${r.seconds.toFixed(2).padStart(7)} s ${(mb / r.seconds).toFixed(1).padStart(7)} MB/s  ratio ${(reference.seconds / r.seconds).toFixed(2)}  peak ${(r.peakBytes / 1e6).toFixed(0)} MB`;
console.log(row('papaparse {header, dynamicTyping} (reference)', reference));
console.log(row('mle-playground stream → typed columns → profile', ours));
console.log(`typed columns: ${(ours.columnBytes / 1e6).toFixed(0)} MB; our peak memory / typed columns = ${(ours.peakBytes / ours.columnBytes).toFixed(2)} (goal ≤ 2)`);
console.log(`throughput ratio vs papaparse = ${(reference.seconds / ours.seconds).toFixed(2)} (goal ≥ 2)`);
