import * as v from 'valibot';
import { ROLES, type DataContract } from './data-contract.ts';
import { GatesSectionSchema } from '../gates/gate-spec.ts';

const fractions = v.pipe(v.tuple([v.number(), v.number(), v.number()]), v.check((f) => Math.abs(f[0] + f[1] + f[2] - 1) < 1e-9 && f.every((x) => x >= 0), 'split fractions must be non-negative and sum to 1'));

const splitSchema = v.variant('policy', [
  v.object({ policy: v.literal('stratified-random'), fractions }),
  v.object({ policy: v.literal('group'), column: v.string(), fractions }),
  v.object({ policy: v.literal('time'), column: v.string(), cuts: v.pipe(v.tuple([v.number(), v.number()]), v.check((c) => c[0] <= c[1], 'the first time cut must not come after the second')) }),
]);

const ruleSchema = v.object({
  maxNullRate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  allowed: v.optional(v.array(v.string())),
  required: v.optional(v.boolean()),
});

/** The schema of a data contract document (schema 1), used for files given to the CLI and for stored contracts. */
export const DataContractSchema = v.object({
  schema: v.literal(1),
  revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
  snapshotId: v.string(),
  label: v.pipe(v.string(), v.minLength(1)),
  positiveClass: v.string(),
  roles: v.record(v.string(), v.picklist(ROLES)),
  labelTiming: v.nullable(v.variant('kind', [
    v.object({ kind: v.literal('column'), column: v.string() }),
    v.object({ kind: v.literal('delay'), milliseconds: v.pipe(v.number(), v.minValue(0)) }),
  ])),
  rules: v.record(v.string(), ruleSchema),
  missingTokens: v.array(v.string()),
  split: splitSchema,
  dismissed: v.array(v.object({ findingId: v.string(), reason: v.string(), at: v.string() })),
  hashedColumns: v.optional(v.array(v.string())),
  gates: v.optional(GatesSectionSchema),
});

/** Parses unknown JSON into a data contract, or explains in one line what is wrong and where. */
export function parseDataContract(json: unknown): { ok: true; contract: DataContract } | { ok: false; message: string } {
  const result = v.safeParse(DataContractSchema, json);
  if (result.success) {
    const contract = result.output as DataContract;
    if (contract.roles[contract.label] !== 'label') return { ok: false, message: `roles["${contract.label}"] must be "label" because it is the contract's label` };
    return { ok: true, contract };
  }
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '(root)';
  return { ok: false, message: `${path}: ${issue.message}` };
}
