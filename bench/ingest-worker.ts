// One measurement per process, so peak memory (maxRSS) belongs to that method alone.
import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { CHUNK_BYTES, hasValues, profilingIngest } from '../src/core/index.ts';
import { fastSha256 } from '../src/workers/fast-sha256.ts';

const [method, path] = process.argv.slice(2);
const baseline = process.memoryUsage().rss;
const started = performance.now();
let rows = 0;
let columnBytes = 0;

if (method === 'ours') {
  // The app's own path (the parse worker's): profiles are made as the load finishes, hashed with the worker's
  // WebAssembly SHA-256 (the CLI passes Node's native hash instead).
  const createHash = await fastSha256();
  const ingest = profilingIngest(path, { expectedBytes: statSync(path).size, ...(createHash ? { createHash } : {}) });
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(CHUNK_BYTES);
  for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) ingest.push(buffer.subarray(0, n));
  closeSync(fd);
  const snapshot = ingest.finish();
  rows = snapshot.rowCount;
  columnBytes = snapshot.columns.reduce((s, c) => s + (hasValues(c) ? c.values.byteLength : c.codes.byteLength), 0);
} else {
  const text = readFileSync(path, 'utf8');
  const result = Papa.parse<Record<string, unknown>>(text, { header: true, dynamicTyping: true, skipEmptyLines: true });
  rows = result.data.length;
}

const seconds = (performance.now() - started) / 1000;
const peak = process.resourceUsage().maxRSS * 1024 - baseline;
process.stdout.write(`${JSON.stringify({ method, rows, seconds, peakBytes: peak, columnBytes })}\n`);
