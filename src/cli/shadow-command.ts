import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { errorText, driftReport, judgeTriggers, parseTriggers, shadowReport, type RollbackTrigger, type TriggerMetric } from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { columnIndex, readCsvTable, readScores, rowLabels, scoredFeedback } from './feedback-input.ts';
import { needs, readOptions, seedOption, text } from './options.ts';

export const SHADOW_USAGE = `mle-playground shadow <champion.zip> <candidate.zip> <csv> [--labels labels.csv --key COL [--time COL]]
                      [--trigger t.json] [--slice COL] [--cost-fp A --cost-fn B] [--max-rows N] [--seed S] [--out report.json]

Scores one snapshot with the champion and the candidate bundle (each row scored with flags; only ragged rows are
left out) and compares their decisions, each at its own bundle's threshold: the disagreement rate overall and per
value of --slice COL, the rows where they disagree (at most --max-rows, default 50; by row number, with the entity
key only when it is not PII; no other input value), and with --cost-fp/--cost-fn the cost of switching (candidate −
champion): expected from each model's own scores over all rows, and realised on the labelled rows. Labels come from
--labels joined by --key (and --time), or from the CSV's label column; with them the report adds the candidate's
feedback (coverage, realised vs promised metrics, slices under floors) and the paired deltas (candidate − champion,
paired bootstrap, --seed). --trigger t.json declares the rollback trigger: {"metric": "psi_score", "above": 0.25} or
a list of such; metric is psi_score, ks_score or max_feature_psi (the candidate's drift against its reference),
roc_auc, average_precision, precision, recall, f1, accuracy (the candidate's realised metrics), label_coverage,
disagreement_rate or switching_cost_per_row; give "above" or "below". A trigger on a figure that cannot be measured
(recall with no labels) does not fire. The JSON report goes to stdout (and --out). Exits 1 when a trigger fires, and
the report's rollback names the champion bundle to restore; 2 when an input or argument cannot be used.`;

const OPTIONS = {
  labels: text, key: text, time: text, trigger: text, slice: text, out: text,
  'cost-fp': { kind: 'number', min: 0 }, 'cost-fn': { kind: 'number', min: 0 }, 'max-rows': { kind: 'number', whole: true, min: 0 }, seed: seedOption,
} as const;

function readTriggers(path: string): RollbackTrigger[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
  const parsed = parseTriggers(json);
  if (!parsed.ok) throw new CliError(`${basename(path)}: ${parsed.message}`, 2);
  return parsed.triggers;
}

/** `mle-playground shadow`: champion vs candidate on one snapshot; exit 1 when a rollback trigger fires. */
export async function shadowCommand(args: string[]): Promise<void> {
  const { values, positionals } = readOptions('shadow', args, OPTIONS, 3);
  const [championPath, candidatePath, csv] = positionals;
  if (!championPath || !candidatePath || !csv) throw needs('shadow', '<champion.zip>, <candidate.zip> and <csv>');
  if ((values['cost-fp'] === undefined) !== (values['cost-fn'] === undefined)) throw new CliError('--cost-fp and --cost-fn go together', 2);
  if (values.key !== undefined && values.labels === undefined) throw new CliError('--key goes with --labels', 2);
  const triggers = values.trigger ? readTriggers(values.trigger) : [];
  const seed = values.seed ?? 0;
  // The jobs load tfjs, so they are imported only when bundles are really scored (not for --help).
  const { readScoringBundle, runScoreJob } = await import('./score-job.ts');
  const champion = await readScoringBundle(championPath);
  const candidate = await readScoringBundle(candidatePath);
  if (champion.contract.task !== candidate.contract.task || champion.contract.positive_class !== candidate.contract.positive_class) {
    throw new CliError(`the bundles do not predict the same thing (${champion.contract.task} "${champion.contract.positive_class}" vs ${candidate.contract.task} "${candidate.contract.positive_class}")`, 2);
  }
  const input = readCsvTable(csv);
  const sliceIdx = values.slice ? columnIndex(input, values.slice, csv, '--slice') : -1;
  // Every row is compared; a row one model would flag is scored with its flag by both, so the two see the same rows.
  const policy = { wrong_type: 'flag', out_of_range: 'flag', unseen_category: 'flag', unexpected_missing: 'flag', ragged_row: 'reject' } as const;
  const dir = mkdtempSync(join(tmpdir(), 'mle-shadow-'));
  let a: Map<number, number>;
  let b: Map<number, number>;
  let drift;
  try {
    runScoreJob(champion, csv, join(dir, 'champion.csv'), null, policy, false);
    const job = runScoreJob(candidate, csv, join(dir, 'candidate.csv'), null, policy, candidate.reference !== null);
    a = readScores(join(dir, 'champion.csv'));
    b = readScores(join(dir, 'candidate.csv'));
    drift = job.drift ? driftReport(job.drift) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows = [...a.keys()].filter((r) => b.has(r)).sort((x, y) => x - y);
  const labelled = rowLabels(candidate, input, csv, { labels: values.labels, key: values.key, time: values.time });
  const pii = new Set([...champion.contract.pii_columns, ...candidate.contract.pii_columns]);
  const keyName = values.key ?? champion.contract.entity_key;
  const keyIdx = keyName && !pii.has(keyName) ? input.header.indexOf(keyName) : -1;
  const costs = values['cost-fp'] !== undefined && values['cost-fn'] !== undefined ? { fp: values['cost-fp'], fn: values['cost-fn'] } : null;
  const report = shadowReport({
    rows, keys: keyIdx >= 0 ? rows.map((r) => (input.rows[r - 1]?.[keyIdx] ?? '').trim()) : null,
    champion: Float64Array.from(rows, (r) => a.get(r) as number), candidate: Float64Array.from(rows, (r) => b.get(r) as number),
    championThreshold: champion.contract.threshold, candidateThreshold: candidate.contract.threshold,
    labels: labelled ? rows.map((r) => labelled.labels[r - 1] ?? null) : null,
    slices: sliceIdx >= 0 ? rows.map((r) => (input.rows[r - 1]?.[sliceIdx] ?? '').trim()) : null,
    costs, maxListed: values['max-rows'] ?? 50, seed,
  });
  const feedback = labelled ? scoredFeedback(candidate, candidatePath, input, new Map(rows.map((r) => [r, b.get(r) as number])), labelled, seed) : null;
  const cost = report.switching_cost;
  const live: Partial<Record<TriggerMetric, number | null>> = {
    psi_score: drift?.prediction?.psi ?? null, ks_score: drift?.prediction?.ks.statistic ?? null,
    max_feature_psi: drift && drift.features.length ? Math.max(...drift.features.map((f) => f.psi)) : null,
    roc_auc: feedback?.realised?.roc_auc ?? null, average_precision: feedback?.realised?.average_precision ?? null,
    precision: feedback?.realised?.precision ?? null, recall: feedback?.realised?.recall ?? null, f1: feedback?.realised?.f1 ?? null,
    accuracy: feedback?.realised?.accuracy ?? null, label_coverage: feedback?.coverage.share ?? null,
    disagreement_rate: report.disagreement_rate,
    switching_cost_per_row: cost ? (cost.realised?.change_per_row ?? cost.expected.change_per_row) : null,
  };
  const judged = judgeTriggers(triggers, live);
  const because = judged.verdicts.filter((v) => v.fired).map((v) => `${v.rule} (live ${v.live})`);
  const out = {
    champion: { bundle: basename(championPath), bundle_id: champion.id, threshold: champion.contract.threshold },
    candidate: { bundle: basename(candidatePath), bundle_id: candidate.id, threshold: candidate.contract.threshold },
    ...report, ...(values.slice ? { slice: values.slice } : {}),
    ...(labelled ? { labels_from: labelled.from, candidate_feedback: feedback } : {}),
    candidate_drift: drift ? { psi_score: live.psi_score, ks_score: live.ks_score, max_feature_psi: live.max_feature_psi, summary: drift.summary } : null,
    triggers: judged.verdicts,
    rollback: judged.fired ? { fired: true, restore: resolve(championPath), bundle_id: champion.id, because } : { fired: false },
  };
  const textOut = `${JSON.stringify(out, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, textOut);
  process.stdout.write(textOut);
  const rate = report.disagreement_rate === null ? 'no rows' : `${(100 * report.disagreement_rate).toFixed(1)}% of ${report.rows} rows`;
  process.stderr.write(`shadow: the models disagree on ${rate}\n`);
  if (judged.fired) throw new CliError(`rollback: ${because.join('; ')}; restore the champion ${basename(championPath)} (${champion.id})`, 1);
}
