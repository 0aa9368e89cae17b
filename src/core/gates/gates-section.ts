import { canonicalJson } from '../canonical-json.ts';
import { EMPTY_GATE_SPEC, type GateSpec, type GatesSection } from '../contract/gate-spec.ts';

/** The section of a contract that declares no gates yet. */
export const EMPTY_GATES: GatesSection = { spec: EMPTY_GATE_SPEC, lockedAt: null, changes: [] };

/** Locks the gates at `at` (ISO 8601), the start of an iteration's first run; a locked section is returned unchanged. */
export function lockGates(section: GatesSection, at: string): GatesSection {
  return section.lockedAt !== null ? section : { ...section, lockedAt: at };
}

/**
 * Replaces the spec. Before the lock this is a plain edit; after it, the edit needs a reason and is appended to the
 * change log with its time and the spec before and after. Throws a one-line message for a locked edit without a reason.
 */
export function editGates(section: GatesSection, spec: GateSpec, at: string, reason = ''): GatesSection {
  if (canonicalJson(section.spec) === canonicalJson(spec)) return section;
  if (section.lockedAt === null) return { ...section, spec };
  if (!reason.trim()) throw new Error(`The gates locked at ${section.lockedAt}; say why you change them (the reason is recorded).`);
  return { spec, lockedAt: section.lockedAt, changes: [...section.changes, { at, reason: reason.trim(), before: section.spec, after: spec }] };
}
