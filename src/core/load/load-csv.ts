import { CsvIngest, type ParseOptions } from '../data/csv-ingest.ts';
import { parseCsv, type LoadResult } from '../data/parse-csv.ts';
import { profileColumn } from '../profile/profile-column.ts';

// Loading and profiling meet here, above both: the loader takes a profiler, the profiler knows columns, neither knows the other.

/** A streaming CSV ingest that profiles every column as it finishes (the snapshot then carries `profiles`). */
export function profilingIngest(fileName: string, options: Omit<ParseOptions, 'profile'> = {}): CsvIngest {
  return new CsvIngest(fileName, { ...options, profile: profileColumn });
}

/** Parses CSV bytes held in memory into a snapshot with column profiles, as the app and the CLI load files. */
export function loadCsv(bytes: Uint8Array, fileName: string, options: Omit<ParseOptions, 'profile'> = {}): Promise<LoadResult> {
  return parseCsv(bytes, fileName, { ...options, profile: profileColumn });
}
