import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { errorText, DEFAULT_DRIFT_LEVELS, driftReport, parseIssuePolicy, type DriftLevels } from '../core/index.ts';
import { CliError } from './cli-error.ts';

export const SCORE_USAGE = `mle-playground score <bundle.zip> <csv> --out scored.csv [--rejects rejects.csv] [--drift drift.json]
                      [--on KIND=reject|flag,...] [--labels labels.csv --key COL [--time COL]] [--feedback feedback.json] [--seed S]

Scores a new CSV with a bundle's own preprocessing and model, streaming in 64 KB chunks. Every row is checked against
the bundle's inference contract first: a missing model column stops the job before any scoring (exit 2). Per row,
KIND is wrong_type (default reject), out_of_range, unseen_category, unexpected_missing (default flag) or ragged_row
(default reject); a rejected row goes to --rejects (row, column, reason, value; PII masked) and is not scored, a
flagged row is scored with its flags. scored.csv holds row, the entity key if any, score (p_<class> and class for
multiclass), decision at the bundle's threshold, distance_to_threshold, calibration_rate (the validation bin's
observed positive rate), model_version and flags; no other input column is echoed. --drift also writes the drift
report against the bundle's reference profile. Prints a JSON summary (rows, scored, rejected, rows/s) on stdout.
Delayed labels: --labels joins a later labels CSV (the --key column, default the bundle's entity key, and the bundle's
label column; with --time COL, key and event time must both match) to the scored rows; without --labels the CSV's own
label column is used when it has one. The feedback report holds label coverage (scored rows with a label, and by age
of the --time column: 0-7d, 7-30d, 30-90d, 90d+ before the newest time), the realised metrics at the bundle's
threshold on the labelled rows with 95% bootstrap intervals (--seed, default 0) next to the test metrics the bundle
promised (metrics.json), and the slices under the floors of the bundle's slice gates. Rows whose label has not arrived
are counted, not dropped. With --feedback the report goes to that file (JSON) and its headline into the summary (key
"feedback"); without, the whole report sits under feedback.report in the summary. A label
column in a CSV over 256 MB is not read unless --labels or --feedback asks, so plain scoring stays streaming. The
exit code is that of scoring: feedback below a floor is reported, not an error; a labels file that cannot be joined
(a missing column, a repeated key, an unknown label) exits 2.`;

export const DRIFT_USAGE = `mle-playground drift <bundle.zip> <csv> [--out drift.json] [--psi-warn 0.1] [--psi-alert 0.25]
                      [--missing-warn 0.05] [--missing-alert 0.2]

Compares a new CSV with the bundle's reference profile (its training rows, and its test scores): per input column
PSI (10 reference quantile bins), KS (numeric) or chi-square (categorical), the change in missing rate, new and
vanished categories; the score's PSI and KS, and how many rows sit near the threshold. Prints the report (JSON) with
a summary in words; exits 1 when any alert level is reached, so CI can gate on it.`;

/** Levels from --psi-warn/--psi-alert/--missing-warn/--missing-alert over the defaults. */
export function driftLevels(values: Record<string, string | boolean | undefined>): DriftLevels {
  const read = (flag: string, fallback: number) => {
    const raw = values[flag];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n < 0) throw new CliError(`--${flag} must be a number >= 0, got "${String(raw)}"`, 2);
    return n;
  };
  const levels = {
    psi_warn: read('psi-warn', DEFAULT_DRIFT_LEVELS.psi_warn), psi_alert: read('psi-alert', DEFAULT_DRIFT_LEVELS.psi_alert),
    missing_warn: read('missing-warn', DEFAULT_DRIFT_LEVELS.missing_warn), missing_alert: read('missing-alert', DEFAULT_DRIFT_LEVELS.missing_alert),
  };
  if (levels.psi_warn > levels.psi_alert || levels.missing_warn > levels.missing_alert) throw new CliError('a warn level must not exceed its alert level', 2);
  return levels;
}

/** `mle-playground score`: streams a CSV through a bundle; exit 2 when the job cannot start or the input is unusable. */
export async function scoreCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      out: { type: 'string' }, rejects: { type: 'string' }, drift: { type: 'string' }, on: { type: 'string' },
      labels: { type: 'string' }, key: { type: 'string' }, time: { type: 'string' }, feedback: { type: 'string' }, seed: { type: 'string' },
    },
  });
  const [bundlePath, csv] = positionals;
  if (!bundlePath || !csv || !values.out) throw new CliError(`score needs <bundle.zip>, <csv> and --out\n\n${SCORE_USAGE}`, 2);
  let policy;
  try {
    policy = parseIssuePolicy(values.on ?? '');
  } catch (e) {
    throw new CliError(`--on: ${errorText(e)}`, 2);
  }
  // The job loads tfjs, so it is imported only when a bundle is really scored (not for --help).
  const { readScoringBundle, runScoreJob } = await import('./score-job.ts');
  const bundle = await readScoringBundle(bundlePath);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const scorer = runScoreJob(bundle, csv, values.out, values.rejects ?? null, policy, values.drift !== undefined);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU time as well as wall time: on a shared machine the wall clock also measures the neighbours.
  const cpuSeconds = (used.user + used.system) / 1e6;
  const progress = scorer.progress;
  if (values.drift !== undefined && scorer.drift) writeFileSync(values.drift, `${JSON.stringify(driftReport(scorer.drift), null, 2)}\n`);
  const { scoreFeedback } = await import('./score-feedback.ts');
  const feedback = scoreFeedback(bundle, bundlePath, csv, values.out, values);
  process.stdout.write(`${JSON.stringify({
    bundle_id: bundle.id, ...progress, seconds: Number(seconds.toFixed(3)), rows_per_second: Math.round(progress.rows / Math.max(seconds, 1e-9)),
    cpu_seconds: Number(cpuSeconds.toFixed(3)), rows_per_cpu_second: Math.round(progress.rows / Math.max(cpuSeconds, 1e-9)),
    out: values.out, ...(values.rejects ? { rejects: values.rejects } : {}), ...(values.drift ? { drift: values.drift } : {}),
    ...(feedback ? { feedback } : {}),
  }, null, 2)}\n`);
}

/** `mle-playground drift`: the drift report on stdout; exit 1 when any alert fires, 2 on unusable input. */
export async function driftCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      out: { type: 'string' }, 'psi-warn': { type: 'string' }, 'psi-alert': { type: 'string' },
      'missing-warn': { type: 'string' }, 'missing-alert': { type: 'string' },
    },
  });
  const [bundlePath, csv] = positionals;
  if (!bundlePath || !csv) throw new CliError(`drift needs <bundle.zip> and <csv>\n\n${DRIFT_USAGE}`, 2);
  const levels = driftLevels(values);
  // The job loads tfjs, so it is imported only when a bundle is really scored (not for --help).
  const { readScoringBundle, runScoreJob } = await import('./score-job.ts');
  const bundle = await readScoringBundle(bundlePath);
  // Every row counts towards drift; rows are scored with flags rather than rejected, except ragged ones.
  const policy = { wrong_type: 'flag', out_of_range: 'flag', unseen_category: 'flag', unexpected_missing: 'flag', ragged_row: 'reject' } as const;
  const scorer = runScoreJob(bundle, csv, null, null, policy, true);
  if (!scorer.drift) throw new CliError(`${bundlePath} has no reference profile`, 2);
  const report = driftReport(scorer.drift, levels);
  const text = `${JSON.stringify({ bundle_id: bundle.id, ...report }, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, text);
  process.stdout.write(text);
  process.stderr.write(`${report.summary}\n`);
  if (report.alerts > 0) throw new CliError(`drift: ${report.alerts} alert${report.alerts === 1 ? '' : 's'} fired (${report.summary.split('.')[0]})`, 1);
}
