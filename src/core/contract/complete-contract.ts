import * as v from 'valibot';
import { labelClasses, defaultPositiveClass } from './label-classes.ts';
import { columnByName, type Snapshot } from '../data/snapshot.ts';
import { DataContractSchema } from './contract-schema.ts';
import type { ColumnRule, DataContract } from './data-contract.ts';
import { createDataContract, defaultSplit, type ProposedRole } from './default-contract.ts';

/** A contract as a person may write it by hand: only `label` is required; everything else falls back to the defaults. */
export const PartialContractSchema = v.object({
  ...v.partial(v.omit(DataContractSchema, ['label'])).entries,
  label: v.pipe(v.string(), v.minLength(1)),
});

/**
 * Fills a hand-written contract from the snapshot: missing roles come from the profile's proposals, missing rules from
 * the data, a missing split from `defaultSplit`. Throws a one-line message for a label that is not in the file.
 */
export function completeContract(
  snapshot: Snapshot,
  json: unknown,
  proposals: readonly ProposedRole[],
  rules: Readonly<Record<string, ColumnRule>>,
): DataContract {
  const parsed = v.safeParse(PartialContractSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new Error(`${issue.path?.map((p) => String(p.key)).join('.') ?? '(root)'}: ${issue.message}`);
  }
  const given = parsed.output;
  const labelColumn = columnByName(snapshot, given.label);
  const positive = given.positiveClass ?? defaultPositiveClass(labelClasses(labelColumn)) ?? '';
  const base = createDataContract(snapshot, given.label, positive, proposals, rules);
  const roles = { ...base.roles, ...(given.roles ?? {}), [given.label]: 'label' as const };
  return {
    ...base,
    roles,
    rules: { ...base.rules, ...(given.rules ?? {}) },
    labelTiming: given.labelTiming ?? null,
    missingTokens: given.missingTokens ?? base.missingTokens,
    split: given.split ?? defaultSplit(snapshot, roles),
    dismissed: given.dismissed ?? [],
    revision: given.revision ?? 1,
    ...(given.hashedColumns ? { hashedColumns: given.hashedColumns } : {}),
    ...(given.gates ? { gates: given.gates } : {}),
  };
}
