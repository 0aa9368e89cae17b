import * as v from 'valibot';
import { labelClasses, defaultPositiveClass } from './label-classes.ts';
import { escapeName } from '../data/header.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { byColumn } from './by-column.ts';
import { contractIssueMessage, DataContractSchema, extraLabels } from './contract-schema.ts';
import type { ColumnRule, DataContract, Role } from './data-contract.ts';
import { createDataContract, defaultSplit, type ProposedRole } from './default-contract.ts';

/** A contract as a person may write it by hand: only `label` is required; everything else falls back to the defaults. */
export const PartialContractSchema = v.object({
  ...v.partial(v.omit(DataContractSchema, ['label'])).entries,
  label: v.pipe(v.string(), v.minLength(1)),
});

/**
 * Fills a hand-written contract from the snapshot: missing roles come from the profile's proposals, missing rules from
 * the data, a missing split from `defaultSplit`. Throws a one-line message for a label that is not in the file, for a
 * split, label-timing or rule column that is not in the file, and for contradictions (two labels, the label given
 * another role).
 */
export function completeContract(
  snapshot: Snapshot,
  json: unknown,
  proposals: readonly ProposedRole[],
  rules: Readonly<Record<string, ColumnRule>>,
): DataContract {
  const parsed = v.safeParse(PartialContractSchema, json);
  if (!parsed.success) throw new Error(contractIssueMessage(parsed.issues));
  const given = parsed.output;
  const labelColumn = columnByName(snapshot, given.label);
  const givenRole: Role | undefined = given.roles?.[given.label];
  if (givenRole !== undefined && givenRole !== 'label') {
    throw new Error(`roles[${JSON.stringify(given.label)}] is "${givenRole}" but ${JSON.stringify(given.label)} is the contract's label`);
  }
  const extra = given.roles ? extraLabels({ label: given.label, roles: given.roles }) : [];
  if (extra.length > 0) throw new Error(`roles[${JSON.stringify(extra[0])}] is "label" but the contract's label is ${JSON.stringify(given.label)}; a contract has one label`);
  const has = new Set(snapshot.columns.map((c) => c.name));
  const missing = (where: string, name: string): Error => new Error(`${where} names column "${escapeName(name)}", which is not in ${snapshot.fileName}`);
  if (given.split && given.split.policy !== 'stratified-random' && !has.has(given.split.column)) throw missing('split.column', given.split.column);
  if (given.labelTiming?.kind === 'column' && !has.has(given.labelTiming.column)) throw missing('labelTiming.column', given.labelTiming.column);
  // A rule that only requires its column is the required-column check's business (a validation failure, exit 1).
  for (const [name, rule] of Object.entries(given.rules ?? {})) if (!has.has(name) && rule.required !== true) throw missing(`rules[${JSON.stringify(name)}]`, name);
  const positive = given.positiveClass ?? defaultPositiveClass(labelClasses(labelColumn)) ?? '';
  const base = createDataContract(snapshot, given.label, positive, proposals, rules);
  const roles = byColumn<Role>(base.roles, given.roles, { [given.label]: 'label' });
  return {
    ...base,
    roles,
    rules: byColumn(base.rules, given.rules),
    labelTiming: given.labelTiming ?? null,
    missingTokens: given.missingTokens ?? base.missingTokens,
    split: given.split ?? defaultSplit(snapshot, roles),
    dismissed: given.dismissed ?? [],
    revision: given.revision ?? 1,
    ...(given.hashedColumns ? { hashedColumns: given.hashedColumns } : {}),
  };
}
