// The promotion-gate spec is part of the data contract document (declared before training), so it lives with the contract;
// src/core/gates judges runs against it.
import * as v from 'valibot';

/** Test-split metrics a floor or ceiling can be put on, at the run's chosen threshold (the report keys of docs/metrics.md). */
export const GATE_METRICS = ['roc_auc', 'average_precision', 'precision', 'recall', 'f1', 'expected_cost', 'log_loss', 'ece'] as const;
export type GateMetric = (typeof GATE_METRICS)[number];
/** Metrics the paired bootstrap gives a candidate-minus-baseline difference for. */
export const PAIRED_METRICS = ['roc_auc', 'average_precision', 'precision', 'recall', 'f1'] as const;
export type PairedMetric = (typeof PAIRED_METRICS)[number];
/** Metrics a slice row carries. */
export const SLICE_METRICS = ['roc_auc', 'precision', 'recall'] as const;
export type SliceMetric = (typeof SLICE_METRICS)[number];

const id = v.pipe(v.string(), v.minLength(1));
const finite = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));

/** One gate; `id` names it in verdicts and in the manifest's list of failed gates. */
export const GateSchema = v.variant('kind', [
  v.pipe(
    v.object({
      id, kind: v.literal('metric'), metric: v.picklist(GATE_METRICS), bound: v.picklist(['min', 'max'] as const), value: finite,
      /** Expected cost only: the cost of one false positive and one false negative; the metric is cost per row. */
      costs: v.optional(v.object({ fp: nonNegative, fn: nonNegative })),
    }),
    v.check((g) => g.metric !== 'expected_cost' || g.costs !== undefined, 'an expected_cost gate needs costs {"fp": …, "fn": …}'),
  ),
  /** Candidate − baseline on the same test rows: passes when the paired-bootstrap interval's lower end is above −margin. */
  v.object({ id, kind: v.literal('vs-baseline'), metric: v.picklist(PAIRED_METRICS), margin: nonNegative }),
  /** No worse than the champion bundle by δ (`margin`): candidate − champion on the same test rows, judged as vs-baseline; fails closed without a champion. */
  v.object({ id, kind: v.literal('vs-champion'), metric: v.picklist(PAIRED_METRICS), margin: nonNegative }),
  /** `metric` ≥ `min` on every slice of `column` with at least `minRows` test rows. */
  v.object({ id, kind: v.literal('slice'), column: v.pipe(v.string(), v.minLength(1)), metric: v.picklist(SLICE_METRICS), min: finite, minRows: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.object({ id, kind: v.literal('no-open-leakage') }),
  v.object({ id, kind: v.literal('no-validation-failure') }),
  /** p95 milliseconds to score 1,000 rows, on the backend the run used. */
  v.object({ id, kind: v.literal('latency'), maxMsPer1000: nonNegative }),
  /** Bytes of the model files (model.json plus weights). */
  v.object({ id, kind: v.literal('size'), maxBytes: nonNegative }),
]);

/** A promotion gate, as the schema reads it. */
export type Gate = v.InferOutput<typeof GateSchema>;

/** The versioned gate document: the `gates.spec` of a contract, or a standalone g.json. */
export const GateSpecSchema = v.pipe(
  v.object({ version: v.literal(1), gates: v.array(GateSchema) }),
  v.check((s) => new Set(s.gates.map((g) => g.id)).size === s.gates.length, 'gate ids must be unique'),
);
export type GateSpec = v.InferOutput<typeof GateSpecSchema>;

/** One edit to gates after they locked: when, why, and the spec before and after. */
export const GateChangeSchema = v.object({ at: v.string(), reason: v.pipe(v.string(), v.minLength(1)), before: GateSpecSchema, after: GateSpecSchema });
export type GateChange = v.InferOutput<typeof GateChangeSchema>;

/** The `gates` section of a data contract: the spec, when it locked (null until the first run starts), and its change log. */
export const GatesSectionSchema = v.object({ spec: GateSpecSchema, lockedAt: v.nullable(v.string()), changes: v.array(GateChangeSchema) });
export type GatesSection = v.InferOutput<typeof GatesSectionSchema>;

/** A spec with no gates: what a contract has until someone declares one. */
export const EMPTY_GATE_SPEC: GateSpec = { version: 1, gates: [] };

/**
 * Reads a gate document: a bare spec `{version, gates}` or a contract-like object with a `gates` section (whose
 * `spec` is taken). Returns the spec, or one line naming the path and what is wrong there.
 */
export function parseGateSpec(json: unknown): { ok: true; spec: GateSpec } | { ok: false; message: string } {
  const section = (json as { gates?: unknown } | null)?.gates;
  const candidate = json !== null && typeof json === 'object' && !Array.isArray(section) && section !== undefined && typeof section === 'object'
    ? (section as { spec?: unknown }).spec ?? section : json;
  const result = v.safeParse(GateSpecSchema, candidate);
  if (result.success) return { ok: true, spec: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '(root)';
  return { ok: false, message: `${path}: ${issue.message}` };
}
