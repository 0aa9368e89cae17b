import { DEFAULT_MISSING_TOKENS, profileSnapshot, suggestRoles } from '../core/index.ts';
import { needs, readOptions } from './options.ts';
import { readSnapshot } from './read-snapshot.ts';

export const PROFILE_USAGE = `mle-playground profile <csv>

Prints the snapshot (SHA-256, rows, delimiter), every column's profile (kind, missing, distinct, min/max/mean/std,
quantiles, top values, histogram, flags with example rows) and the suggested roles, as JSON on stdout.`;

export async function profileCommand(args: string[]): Promise<void> {
  const { positionals } = readOptions('profile', args, {});
  const [csv] = positionals;
  if (!csv) throw needs('profile', '<csv>');
  const snapshot = await readSnapshot(csv);
  const profiles = profileSnapshot(snapshot);
  const report = {
    snapshot: {
      sha256: snapshot.id, file_name: snapshot.fileName, bytes: snapshot.byteLength, rows: snapshot.rowCount,
      delimiter: snapshot.delimiter, missing_tokens: DEFAULT_MISSING_TOKENS, warnings: snapshot.warnings,
    },
    columns: profiles,
    suggested_roles: suggestRoles(snapshot, profiles, null),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
