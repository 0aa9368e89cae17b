import type { MulticlassReport } from '../metrics/multiclass-report.ts';

/**
 * The top level of a multiclass report (evaluate JSON, the bundle's metrics.json, the app's headline): multiclass
 * metrics under their own names, so nobody reads a one-vs-rest figure as the model's accuracy. Ratios in [0, 1] or
 * null (see `MulticlassReport`); log loss in nats.
 */
export interface MulticlassTopLevel {
  readonly task: 'multiclass';
  readonly n: number;
  readonly classes: readonly string[];
  readonly accuracy: number | null;
  readonly log_loss: number | null;
  readonly macro_precision: number | null;
  readonly macro_recall: number | null;
  readonly macro_f1: number | null;
  readonly weighted_precision: number | null;
  readonly weighted_recall: number | null;
  readonly weighted_f1: number | null;
  readonly macro_roc_auc_ovr: number | null;
  readonly weighted_roc_auc_ovr: number | null;
  readonly confusion: MulticlassReport['confusion'];
  readonly per_class: MulticlassReport['per_class'];
  /** Which classes had undefined values and how the averages treated them. */
  readonly multiclass_messages: readonly string[];
}

/** Lifts a multiclass report's headline figures to top-level keys. */
export function multiclassTopLevel(m: MulticlassReport): MulticlassTopLevel {
  return {
    task: 'multiclass', n: m.n, classes: m.classes, accuracy: m.accuracy, log_loss: m.log_loss,
    macro_precision: m.macro.precision, macro_recall: m.macro.recall, macro_f1: m.macro.f1,
    weighted_precision: m.weighted.precision, weighted_recall: m.weighted.recall, weighted_f1: m.weighted.f1,
    macro_roc_auc_ovr: m.macro.roc_auc_ovr, weighted_roc_auc_ovr: m.weighted.roc_auc_ovr,
    confusion: m.confusion, per_class: m.per_class, multiclass_messages: m.messages,
  };
}

/** A report whose top level is multiclass, with the positive class's one-vs-rest report under `one_vs_rest[class]`. */
export type MulticlassShaped<T> = MulticlassTopLevel & { readonly positive_class: string; readonly one_vs_rest: Readonly<Record<string, T>> };

/**
 * The shape a report is written in: a binary report as it is; with a multiclass report beside it, the multiclass
 * figures at the top and the binary (one-vs-rest) report under a key naming its class. `multiclass` fields already
 * inside `binary` are dropped from the one-vs-rest copy (they are the top level now).
 */
export function reportTopLevel<T extends object>(binary: T, multiclass: MulticlassReport | null | undefined, positive: string): T | MulticlassShaped<Omit<T, 'multiclass'>> {
  if (!multiclass) return binary;
  const { multiclass: _dropped, ...oneVsRest } = binary as T & { multiclass?: unknown };
  return { ...multiclassTopLevel(multiclass), positive_class: positive, one_vs_rest: { [positive]: oneVsRest as Omit<T, 'multiclass'> } };
}
