// The papaparse reference for ingest: read the file and parse it with {header, dynamicTyping}, as a whole process.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

const result = Papa.parse(readFileSync(process.argv[2], 'utf8'), { header: true, dynamicTyping: true, skipEmptyLines: true });
console.log(result.data.length);
