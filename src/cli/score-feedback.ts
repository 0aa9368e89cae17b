import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import type { ScoringBundle } from '../core/scoring.ts';
import { CliError } from './cli-error.ts';
import { readCsvTable, readScores, rowLabels, scoredFeedback } from './feedback-input.ts';
import { readNumber } from './options.ts';

/** Past this size a label column alone does not make `score` read the whole CSV again (scoring itself streams). */
const AUTO_FEEDBACK_BYTES = 256 * 1024 ** 2;

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8').split('\n')[0]?.replace(/^\uFEFF/, '') ?? '';
  } finally {
    closeSync(fd);
  }
}

/**
 * The feedback step of `score`: the report goes to --feedback (JSON) and its headline is returned for the summary;
 * null when there are no labels to read (no --labels, and no label column or a large file without --feedback).
 */
export function scoreFeedback(
  bundle: ScoringBundle, bundlePath: string, csv: string, scoredPath: string,
  values: { labels?: string; key?: string; time?: string; feedback?: string; seed?: string },
): object | null {
  if (values.key !== undefined && values.labels === undefined) throw new CliError('--key goes with --labels', 2);
  const seed = values.seed === undefined ? 0 : readNumber(values.seed, 'seed', { kind: 'number', whole: true, min: 0 });
  const explicit = values.labels !== undefined || values.feedback !== undefined;
  if (!explicit) {
    const hasLabel = firstLine(csv).split(/[,;\t|]/).map((h) => h.trim().replace(/^"|"$/g, '')).includes(bundle.contract.label);
    if (!hasLabel || statSync(csv).size > AUTO_FEEDBACK_BYTES) return null;
  }
  const input = readCsvTable(csv);
  const labelled = rowLabels(bundle, input, csv, { labels: values.labels, key: values.key, time: values.time });
  if (!labelled) throw new CliError(`--feedback needs labels: ${csv} has no "${bundle.contract.label}" column; pass --labels labels.csv --key COL`, 2);
  const report = scoredFeedback(bundle, bundlePath, input, readScores(scoredPath), labelled, seed);
  if (values.feedback) writeFileSync(values.feedback, `${JSON.stringify({ bundle_id: bundle.id, labels_from: labelled.from, ...report }, null, 2)}\n`);
  const r = report.realised;
  return {
    labels_from: labelled.from, labelled: report.coverage.labelled, unlabelled: report.coverage.unlabelled, coverage: report.coverage.share,
    ...(r ? { realised: { roc_auc: r.roc_auc, precision: r.precision, recall: r.recall, f1: r.f1 } } : {}),
    promised: { roc_auc: report.promised.roc_auc, precision: report.promised.precision, recall: report.promised.recall, f1: report.promised.f1 },
    slices_below_floor: report.slices_below_floor.length, ...(values.feedback ? { out: values.feedback } : { report }),
  };
}
