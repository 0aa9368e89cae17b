import type { Role } from './data-contract.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { ColumnProfile } from '../data/column-profile.ts';
import { detectPii } from '../profile/detect-pii.ts';
import { entityCandidate, type EntityCandidate } from '../profile/entity-role.ts';
import { eventTimeScore } from '../profile/event-time.ts';
import { grouped } from '../profile/format.ts';
import { profileColumn } from '../profile/profile-column.ts';
import { sampleTexts } from '../profile/sample-texts.ts';

/** A role the user is offered for one column, with a plain sentence of the evidence; they confirm or override it. */
export interface RoleSuggestion {
  readonly column: string;
  readonly role: Role;
  readonly reason: string;
}

const day = (ms: number | null): string => (ms === null ? '?' : new Date(ms).toISOString().slice(0, 10));

function eventTimeReason(profile: ColumnProfile, score: number, datetimes: number): string {
  const range = `${day(profile.min)} to ${day(profile.max)}`;
  if (score >= 2) return `A datetime column (${range}) whose header says when the event happened.`;
  if (datetimes === 1) return `The only datetime column (${range}); it is taken as the time of each event.`;
  return `A datetime column (${range}) whose header reads most like the time of the event among ${datetimes} datetime columns.`;
}

/**
 * Role suggestions, in snapshot order, for the columns that warrant one (none for the label or plain features):
 * `pii` first (see `detectPii`), then one `entity_key` (best `entityCandidate`; other unique ID columns → `ignore`),
 * and one `event_time` (the datetime column with the best `eventTimeScore` ≥ 0, ties to the earliest). Categorical
 * values are judged from ≤ 2000 evenly spaced present cells. Missing profiles are computed on the fly.
 */
export function suggestRoles(snapshot: Snapshot, profiles: readonly ColumnProfile[], label: string | null): RoleSuggestion[] {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const out = new Map<string, RoleSuggestion>();
  const entities: EntityCandidate[] = [];
  const times: Array<{ profile: ColumnProfile; score: number }> = [];
  let datetimes = 0;
  for (const column of snapshot.columns) {
    if (column.name === label) continue;
    const profile = byName.get(column.name) ?? profileColumn(column, snapshot.rowCount);
    const pii = detectPii(column, profile, column.type === 'categorical' ? sampleTexts(column) : []);
    if (pii) {
      out.set(column.name, { column: column.name, role: 'pii', reason: pii });
      continue;
    }
    if (column.type === 'datetime') {
      datetimes++;
      const score = eventTimeScore(column.name);
      if (score >= 0 && profile.missing < snapshot.rowCount) times.push({ profile, score });
      continue;
    }
    const entity = entityCandidate(profile, snapshot.rowCount);
    if (entity) entities.push(entity);
  }
  const best = entities.filter((e) => e.role === 'entity_key').reduce<EntityCandidate | null>((a, e) => (a && a.rank >= e.rank ? a : e), null);
  for (const e of entities) {
    if (e === best || e.role === 'ignore') out.set(e.column, { column: e.column, role: e.role, reason: e.reason });
    else if (e.rank < 3 && best) {
      // A second unique ID still cannot generalise as a feature; point at the key that was chosen instead.
      out.set(e.column, { column: e.column, role: 'ignore', reason: `${e.reason.replace(/\.$/, '')}, but "${best.column}" is suggested as the entity key.` });
    }
  }
  const time = times.reduce<{ profile: ColumnProfile; score: number } | null>((a, t) => (a && a.score >= t.score ? a : t), null);
  if (time) out.set(time.profile.name, { column: time.profile.name, role: 'event_time', reason: eventTimeReason(time.profile, time.score, datetimes) });
  return snapshot.columns.flatMap((c) => out.get(c.name) ?? []);
}
