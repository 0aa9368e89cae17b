import type { Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { quoteList } from './finding-text.ts';

/**
 * Column names the contract requires, in contract order: the label always; any other column with a role other than
 * `ignore` unless its rule says `required: false`; and any rule with `required: true`.
 */
export function requiredColumns(contract: Pick<DataContract, 'label' | 'roles' | 'rules'>): string[] {
  const names = new Set<string>([contract.label]);
  for (const [name, role] of Object.entries(contract.roles)) {
    // An explicit opt-out is the user's edit of a seeded rule; the label cannot opt out, every check needs it.
    if (role !== 'ignore' && contract.rules[name]?.required !== false) names.add(name);
  }
  for (const [name, rule] of Object.entries(contract.rules)) if (rule.required === true) names.add(name);
  return [...names];
}

/** One finding per required column (`validate:required:<column>`): pass when present, fail when the snapshot lacks it. */
export function checkRequiredColumns(snapshot: Snapshot, contract: DataContract): Finding[] {
  const present = new Set(snapshot.columns.map((c) => c.name));
  const available = snapshot.columns.map((c) => c.name);
  return requiredColumns(contract).map((column): Finding => {
    const id = `validate:required:${column}`;
    if (present.has(column)) {
      return { id, check: 'required-column', status: 'pass', column, message: `"${column}" is present.` };
    }
    return {
      id,
      check: 'required-column',
      status: 'fail',
      column,
      message: `"${column}" is required by the contract but ${snapshot.fileName} has no such column.`,
      evidence: `The file's columns: ${quoteList(available, 10)}.`,
      suggestion: `Load a snapshot that has "${column}", or set its role to ignore if it is not needed.`,
    };
  });
}
