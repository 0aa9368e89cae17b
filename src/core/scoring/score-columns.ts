import type { InferenceContract } from '../bundle/inference-contract.ts';

/** A CSV field, quoted when it holds a delimiter, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Column names of a scored file. The score columns (shared with `score.py`): `row`, the entity key if any, then
 * `p_<class>` per class and `class` (multiclass only), `score` (positive-class probability) and `decision`; then
 * `distance_to_threshold`, `calibration_rate`, `model_version` and `flags`.
 */
export function scoredHeader(contract: InferenceContract): string[] {
  return [
    'row', ...(contract.entity_key ? [contract.entity_key] : []),
    ...(contract.task === 'multiclass' ? [...contract.classes.map((c) => `p_${c}`), 'class'] : []),
    'score', 'decision', 'distance_to_threshold', 'calibration_rate', 'model_version', 'flags',
  ];
}

/** Header of the rejects file. */
export const REJECTS_HEADER = ['row', 'column', 'reason', 'value'];

/** A cell of a PII column as the rejects file shows it: masked, keeping only its length. */
export function maskValue(value: string): string {
  return value === '' ? '' : `*** (${value.length} characters)`;
}
