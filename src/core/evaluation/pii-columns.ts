import type { Snapshot } from '../data/snapshot.ts';
import { profileSnapshot } from '../profile/profile-column.ts';
import { suggestRoles } from '../contract/suggest-roles.ts';

/**
 * Columns of a file with no data contract (a scores file) that look like PII by the same evidence the contract step
 * uses (e-mails, phones, person names, addresses, free text): they are kept out of error clusters and fixtures.
 */
export function suggestedPiiColumns(snapshot: Snapshot, label: string | null): string[] {
  return suggestRoles(snapshot, profileSnapshot(snapshot), label).filter((s) => s.role === 'pii').map((s) => s.column);
}
