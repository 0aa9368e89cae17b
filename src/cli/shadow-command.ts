import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { errorText, driftReport, judgeTriggers, parseTriggers, shadowCase, type RollbackTrigger, type ShadowSide } from '../core/index.ts';
import type { ScoringBundle, ShadowScorer } from '../core/scoring.ts';
import { CliError } from './cli-error.ts';
import { bundlePromise, columnIndex, readCsvTable, rowLabels } from './feedback-input.ts';
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

/** Streams `csv` through both bundles in 64 KB chunks; a file that cannot be scored at all exits 2 with the reason. */
function readShadow(scorer: ShadowScorer, csv: string): ShadowScorer {
  let fd: number;
  try {
    fd = openSync(csv, 'r');
  } catch (e) {
    throw new CliError(`cannot read ${csv}: ${errorText(e)}`, 2);
  }
  const buffer = new Uint8Array(64 * 1024);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) scorer.push(buffer.subarray(0, n));
    scorer.finish();
  } catch (e) {
    throw new CliError(errorText(e), 2);
  } finally {
    closeSync(fd);
  }
  return scorer;
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
  const { readScoringBundle } = await import('./score-job.ts');
  const { ShadowScorer } = await import('../core/scoring.ts');
  const champion = await readScoringBundle(championPath);
  const candidate = await readScoringBundle(candidatePath);
  if (champion.contract.task !== candidate.contract.task || champion.contract.positive_class !== candidate.contract.positive_class) {
    throw new CliError(`the bundles do not predict the same thing (${champion.contract.task} "${champion.contract.positive_class}" vs ${candidate.contract.task} "${candidate.contract.positive_class}")`, 2);
  }
  const input = readCsvTable(csv);
  if (values.slice) columnIndex(input, values.slice, csv, '--slice');
  const scorer = readShadow(new ShadowScorer(champion, candidate, basename(csv)), csv);
  const labelled = rowLabels(candidate, input, csv, { labels: values.labels, key: values.key, time: values.time });
  const side = (bundle: ScoringBundle, zip: string): ShadowSide => ({ threshold: bundle.contract.threshold, pii: bundle.contract.pii_columns, ...bundlePromise(zip) });
  const drift = scorer.drift ? driftReport(scorer.drift) : null;
  const { report, feedback, live } = shadowCase({
    table: { name: basename(csv), ...input }, champion: scorer.championScores, candidate: scorer.candidateScores,
    championSide: side(champion, championPath), candidateSide: side(candidate, candidatePath), labelled,
    slice: values.slice ?? null, key: values.key ?? champion.contract.entity_key,
    costs: values['cost-fp'] !== undefined && values['cost-fn'] !== undefined ? { fp: values['cost-fp'], fn: values['cost-fn'] } : null,
    maxListed: values['max-rows'] ?? 50, seed, drift,
  });
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
