import * as v from 'valibot';
import { byColumn } from './by-column.ts';
import { ROLES, type DataContract } from './data-contract.ts';
import { GatesSectionSchema } from './gate-spec.ts';

/** A finite number: JSON's `1e999` parses to Infinity, which no bound or fraction can mean. */
const finite = v.pipe(v.number(), v.finite('must be a finite number'));

const fractions = v.pipe(v.tuple([finite, finite, finite]), v.check((f) => Math.abs(f[0] + f[1] + f[2] - 1) < 1e-9 && f.every((x) => x >= 0), 'split fractions must be non-negative and sum to 1'));

const splitSchema = v.variant('policy', [
  v.object({ policy: v.literal('stratified-random'), fractions }),
  v.object({ policy: v.literal('group'), column: v.string(), fractions }),
  v.object({ policy: v.literal('time'), column: v.string(), cuts: v.pipe(v.tuple([finite, finite]), v.check((c) => c[0] <= c[1], 'the first time cut must not come after the second')) }),
]);

const ruleSchema = v.pipe(
  v.object({
    maxNullRate: v.optional(v.pipe(finite, v.minValue(0), v.maxValue(1))),
    min: v.optional(finite),
    max: v.optional(finite),
    allowed: v.optional(v.array(v.string())),
    required: v.optional(v.boolean()),
  }),
  v.check((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not be greater than max'),
);

/**
 * A record keyed by column name. valibot's `record` skips the keys `__proto__`, `constructor` and `prototype`, which
 * are legal column names, so every own key is checked here and kept in a null-prototype object (see `byColumn`).
 * A bad value's issue message starts with its key, e.g. `["x"].min: must be a finite number`.
 */
function columnRecord<T extends v.GenericSchema>(value: T) {
  return v.pipe(
    v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'must be an object keyed by column name'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const out = byColumn<v.InferOutput<T>>();
      for (const key of Object.keys(dataset.value)) {
        const result = v.safeParse(value, dataset.value[key]);
        if (!result.success) {
          addIssue({ message: `[${JSON.stringify(key)}]${issueText(result.issues[0])}` });
          return NEVER;
        }
        Object.defineProperty(out, key, { value: result.output, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }),
  );
}

/** The schema of a data contract document (schema 1), used for files given to the CLI and for stored contracts. */
export const DataContractSchema = v.object({
  schema: v.literal(1),
  revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
  snapshotId: v.string(),
  label: v.pipe(v.string(), v.minLength(1)),
  positiveClass: v.string(),
  roles: columnRecord(v.picklist(ROLES)),
  labelTiming: v.nullable(v.variant('kind', [
    v.object({ kind: v.literal('column'), column: v.string() }),
    v.object({ kind: v.literal('delay'), milliseconds: v.pipe(finite, v.minValue(0)) }),
  ])),
  rules: columnRecord(ruleSchema),
  missingTokens: v.array(v.string()),
  split: splitSchema,
  dismissed: v.array(v.object({ findingId: v.string(), reason: v.string(), at: v.string() })),
  hashedColumns: v.optional(v.array(v.string())),
  gates: v.optional(GatesSectionSchema),
  outcomeNames: v.optional(v.object({ positive: v.pipe(v.string(), v.maxLength(80)), negative: v.pipe(v.string(), v.maxLength(80)) })),
});

// `.a.b: message` for an issue nested under a path, `: message` at the top; column keys print as `["name"]`.
function issueText(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'string' && /^[A-Za-z_]\w*$/.test(p.key) ? `.${p.key}` : `[${JSON.stringify(p.key)}]`)).join('');
  return issue.message.startsWith('[') ? `${path}${issue.message}` : `${path}: ${issue.message}`;
}

/** One line naming where a contract document is wrong, e.g. `rules["x"].min: must be a finite number`. */
export function contractIssueMessage(issues: readonly v.BaseIssue<unknown>[]): string {
  const text = issueText(issues[0]);
  return text.startsWith('.') ? text.slice(1) : text.startsWith(': ') ? `(root)${text}` : text;
}

/** Columns other than the label that the roles call `label`: a contract has exactly one label. */
export function extraLabels(contract: Pick<DataContract, 'label' | 'roles'>): string[] {
  return Object.keys(contract.roles).filter((name) => name !== contract.label && contract.roles[name] === 'label');
}

/** Parses unknown JSON into a data contract, or explains in one line what is wrong and where. */
export function parseDataContract(json: unknown): { ok: true; contract: DataContract } | { ok: false; message: string } {
  const result = v.safeParse(DataContractSchema, json);
  if (!result.success) return { ok: false, message: contractIssueMessage(result.issues) };
  const contract = result.output as DataContract;
  if (contract.roles[contract.label] !== 'label') return { ok: false, message: `roles[${JSON.stringify(contract.label)}] must be "label" because it is the contract's label` };
  const extra = extraLabels(contract);
  if (extra.length > 0) return { ok: false, message: `roles[${JSON.stringify(extra[0])}] is "label" but the contract's label is ${JSON.stringify(contract.label)}; a contract has one label` };
  return { ok: true, contract };
}
