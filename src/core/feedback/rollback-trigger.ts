import * as v from 'valibot';

/** Live figures a rollback trigger can watch: the candidate's score drift, its realised metrics, and the comparison's. */
export const TRIGGER_METRICS = [
  'psi_score', 'ks_score', 'max_feature_psi', 'roc_auc', 'average_precision', 'precision', 'recall', 'f1', 'accuracy',
  'label_coverage', 'disagreement_rate', 'switching_cost_per_row',
] as const;
export type TriggerMetric = (typeof TRIGGER_METRICS)[number];

const finite = v.pipe(v.number(), v.finite());

/** One trigger: fires when the live `metric` is strictly above `above` or strictly below `below` (exactly one of them). */
export const TriggerSchema = v.pipe(
  v.strictObject({ id: v.optional(v.pipe(v.string(), v.minLength(1))), metric: v.picklist(TRIGGER_METRICS), above: v.optional(finite), below: v.optional(finite) }),
  v.check((t) => (t.above === undefined) !== (t.below === undefined), 'give exactly one of "above" or "below"'),
);
export type RollbackTrigger = v.InferOutput<typeof TriggerSchema>;

/** A trigger file: one trigger, or a list of them (any one firing triggers the rollback). */
export const TriggerFileSchema = v.union([TriggerSchema, v.pipe(v.array(TriggerSchema), v.minLength(1))]);

/** Reads a trigger file's JSON; returns the triggers, or one line naming the path and what is wrong there. */
export function parseTriggers(json: unknown): { ok: true; triggers: RollbackTrigger[] } | { ok: false; message: string } {
  const result = v.safeParse(TriggerFileSchema, json);
  if (result.success) return { ok: true, triggers: Array.isArray(result.output) ? result.output : [result.output] };
  // A union reports its branches' issues nested; the deepest first issue says most.
  let issue = result.issues[0];
  while (issue.issues?.length) issue = issue.issues[0] as typeof issue;
  const path = issue.path?.map((p) => String(p.key)).join('.') || '(root)';
  return { ok: false, message: `${path}: ${issue.message}` };
}

/** One trigger judged: the live value (null when it could not be measured, which never fires) and whether it fired. */
export interface TriggerVerdict {
  readonly id: string;
  readonly metric: TriggerMetric;
  readonly rule: string;
  readonly live: number | null;
  readonly fired: boolean;
}

/** Judges triggers against live figures; a metric without a value (e.g. recall before any label) does not fire. */
export function judgeTriggers(triggers: readonly RollbackTrigger[], live: Readonly<Partial<Record<TriggerMetric, number | null>>>): { fired: boolean; verdicts: TriggerVerdict[] } {
  const verdicts = triggers.map((t, i) => {
    const value = live[t.metric] ?? null;
    const fired = value !== null && (t.above !== undefined ? value > t.above : value < (t.below as number));
    const rule = t.above !== undefined ? `${t.metric} > ${t.above}` : `${t.metric} < ${String(t.below)}`;
    return { id: t.id ?? `trigger-${i + 1}`, metric: t.metric, rule, live: value, fired };
  });
  return { fired: verdicts.some((x) => x.fired), verdicts };
}
