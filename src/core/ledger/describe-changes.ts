import type { LedgerRun } from './ledger-entry.ts';

/** A value at a path that differs between two JSON values. */
export interface ValueChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

const show = (v: unknown): string => (v === undefined || v === null ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

/** Leaf-by-leaf differences of two JSON-like values; arrays compare whole (a feature list reads better as one change). */
export function jsonChanges(before: unknown, after: unknown, path = ''): ValueChange[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => jsonChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path || '(value)', before: show(before), after: show(after) }];
}

function listChange(name: string, before: readonly string[], after: readonly string[]): string | null {
  const added = after.filter((f) => !before.includes(f));
  const removed = before.filter((f) => !after.includes(f));
  if (!added.length && !removed.length) return null;
  return `${name}: ${[...added.map((f) => `+${f}`), ...removed.map((f) => `−${f}`)].join(', ')}`;
}

/**
 * What changed from the previous entry's runs to this entry's, in words, run by role: model and config values,
 * features added or removed, label, contract revision, snapshot. No previous entry: says it is the first.
 */
export function describeChanges(previous: readonly LedgerRun[] | null, current: readonly LedgerRun[]): string[] {
  if (!previous) return ['First entry: nothing to compare against.'];
  const out: string[] = [];
  for (const run of current) {
    const before = previous.find((p) => p.role === run.role) ?? null;
    if (!before) { out.push(`New ${run.role} run ${run.id} (${run.model}).`); continue; }
    if (before.id === run.id) { out.push(`Same ${run.role} run ${run.id}.`); continue; }
    const lines: string[] = [];
    if (before.snapshotId !== run.snapshotId) lines.push(`data snapshot ${before.snapshotId.slice(0, 12)} → ${run.snapshotId.slice(0, 12)}`);
    if (before.contractRevision !== run.contractRevision) lines.push(`contract revision ${before.contractRevision ?? 'none'} → ${run.contractRevision ?? 'none'}`);
    if (before.label !== run.label) lines.push(`label ${before.label} → ${run.label}`);
    if (before.positiveClass !== run.positiveClass) lines.push(`positive class ${before.positiveClass} → ${run.positiveClass}`);
    const features = listChange('features', before.features, run.features);
    if (features) lines.push(features);
    // Hyperparameters of another model kind are not comparable value by value; the model change says it all.
    const a = before.model === run.model ? before.config : { ...before.config, hyperparameters: {} };
    const b = before.model === run.model ? run.config : { ...run.config, hyperparameters: {} };
    for (const c of jsonChanges(a, b)) lines.push(`${c.path} ${c.before} → ${c.after}`);
    out.push(`${run.role[0]?.toUpperCase()}${run.role.slice(1)} ${before.id} → ${run.id}: ${lines.length ? lines.join('; ') : 'same config, retrained'}.`);
  }
  return out;
}
