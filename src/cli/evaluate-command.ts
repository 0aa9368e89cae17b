import { DEFAULT_SEED, snapshotSummary, errorText, cellText, columnByName, compareRuns, evaluationReport, readScoresTable, reportTopLevel, ScoresTableError, splitScoredRows, suggestedPiiColumns, type ScoredRows, type SliceSpec, type ThresholdStrategy } from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { needs, readOptions, seedOption, text, texts, toggle, type OptionValues } from './options.ts';
import { readSnapshot } from './read-snapshot.ts';

export const EVALUATE_USAGE = `mle-playground evaluate <csv> --label COL --score COL [--positive VALUE]
                      [--threshold T | --cost-fp A --cost-fn B | --max-f1 | --min-precision P | --min-recall R]
                      [--slice COL ...] [--bins N] [--bootstrap N] [--seed S]
                      [--choose-on COL=VALUE] [--baseline-score COL]

Evaluates scores someone else produced (a production model, another tool) without training: the JSON report goes to
stdout, with the keys the app and bundle use. The threshold is fixed (--threshold, default 0.5) or chosen on these
same rows by a strategy (minimum expected cost, maximum F1, precision or recall at least a target); the report says
which. --slice takes a column (numeric columns are cut into --bins quantile bins, default 4); "--slice a,b" crosses
two columns. --bootstrap N (default 1000; 0 for none) gives seeded 95% percentile intervals. Multiclass: repeat
--score once per class probability column (p_<class> names give the class). --choose-on split=validation chooses the
threshold on the rows whose COL is VALUE and reports on the others, so nothing is tuned on the reported rows.
--baseline-score COL compares the score with a baseline's on the same rows: each at its own threshold, with paired
bootstrap intervals of the differences (score − baseline). A multiclass report's top level holds the multiclass
metrics (accuracy, log_loss, macro_/weighted_ precision, recall, F1); the positive class's threshold figures sit
under one_vs_rest.<class>. Exits 1 when the headline metrics are undefined (no rows, or for a binary report one class
only), 2 when the file or the arguments cannot be used.`;

const OPTIONS = {
  label: text, score: texts, positive: text,
  threshold: { kind: 'number' }, 'cost-fp': { kind: 'number' }, 'cost-fn': { kind: 'number' }, 'max-f1': toggle,
  'min-precision': { kind: 'number' }, 'min-recall': { kind: 'number' },
  slice: texts, bins: { kind: 'number', whole: true, min: 2 }, bootstrap: { kind: 'number', whole: true, min: 0, note: '0 for none' }, seed: seedOption,
  'choose-on': text, 'baseline-score': text,
} as const;

function strategyFrom(values: OptionValues<typeof OPTIONS>): ThresholdStrategy {
  const { threshold, 'cost-fp': costFp, 'cost-fn': costFn, 'min-precision': minPrecision, 'min-recall': minRecall } = values;
  const chosen: ThresholdStrategy[] = [];
  if (threshold !== undefined) chosen.push({ kind: 'fixed', value: threshold });
  if (costFp !== undefined || costFn !== undefined) {
    if (costFp === undefined || costFn === undefined) throw new CliError('--cost-fp and --cost-fn go together', 2);
    chosen.push({ kind: 'min-cost', costFp, costFn });
  }
  if (values['max-f1']) chosen.push({ kind: 'max-f1' });
  if (minPrecision !== undefined) chosen.push({ kind: 'precision-at-least', target: minPrecision });
  if (minRecall !== undefined) chosen.push({ kind: 'recall-at-least', target: minRecall });
  if (chosen.length > 1) throw new CliError('choose one of --threshold, --cost-fp/--cost-fn, --max-f1, --min-precision, --min-recall', 2);
  return chosen[0] ?? { kind: 'fixed', value: 0.5 };
}

export async function evaluateCommand(args: string[]): Promise<void> {
  const { values, positionals } = readOptions('evaluate', args, OPTIONS);
  const [csv] = positionals;
  if (!csv || !values.label || !values.score.length) throw needs('evaluate', '<csv>, --label and --score');
  const strategy = strategyFrom(values);
  const bins = values.bins ?? 4;
  const resamples = values.bootstrap ?? 1000;
  const seed = values.seed ?? DEFAULT_SEED;

  const snapshot = await readSnapshot(csv);
  let table;
  try {
    table = readScoresTable(snapshot, { label: values.label, scores: values.score, ...(values.positive !== undefined ? { positive: values.positive } : {}) });
  } catch (e) {
    if (e instanceof ScoresTableError) throw new CliError(e.message, 2);
    throw e;
  }
  const slices: SliceSpec[] = (values.slice ?? []).map((text) => {
    const columns = text.split(',').map((c) => c.trim()).filter(Boolean);
    if (columns.length < 1 || columns.length > 2) throw new CliError(`--slice takes one column or two joined by a comma, got "${text}"`, 2);
    for (const c of columns) {
      if (!snapshot.columns.some((col) => col.name === c)) throw new CliError(`--slice column "${c}" is not in ${snapshot.fileName} (columns: ${snapshot.columns.map((col) => col.name).join(', ')})`, 2);
    }
    return { columns: columns.length === 1 ? [columns[0]] : [columns[0], columns[1]], bins };
  });
  const positiveOption = { positive: table.positive };
  let baseline: ScoredRows | null = null;
  if (values['baseline-score']) {
    if (table.kind === 'multiclass') throw new CliError('--baseline-score compares binary scores; give one --score column', 2);
    try {
      baseline = readScoresTable(snapshot, { label: values.label, scores: [values['baseline-score']], ...positiveOption });
    } catch (e) {
      if (e instanceof ScoresTableError) throw new CliError(e.message, 2);
      throw e;
    }
  }
  // --choose-on COL=VALUE: those rows choose the threshold, the others are reported on.
  let evaluated: ScoredRows = table;
  let choice: ScoredRows | null = null;
  let baselineParts: [ScoredRows | null, ScoredRows | null] = [null, baseline];
  if (values['choose-on']) {
    const [column, ...rest] = values['choose-on'].split('=');
    const value = rest.join('=');
    if (!column || rest.length === 0) throw new CliError(`--choose-on takes COL=VALUE, got "${values['choose-on']}"`, 2);
    let col;
    try {
      col = columnByName(snapshot, column);
    } catch {
      throw new CliError(`--choose-on column "${column}" is not in ${snapshot.fileName}`, 2);
    }
    const inChoice = (row: number) => cellText(col, row) === value;
    const k = table.kind === 'multiclass' ? table.classes.length : 0;
    [choice, evaluated] = splitScoredRows(table, inChoice, k);
    if (choice.rows.length === 0) throw new CliError(`no row of ${snapshot.fileName} has ${column}=${value} to choose the threshold on`, 2);
    if (evaluated.rows.length === 0) throw new CliError(`every row has ${column}=${value}: nothing is left to report on`, 2);
    if (baseline) baselineParts = splitScoredRows(baseline, inChoice);
  }
  // No contract here: columns that look like PII (by the contract step's evidence) never reach the error clusters.
  const pii = suggestedPiiColumns(snapshot, values.label);
  const used = new Set([values.label, ...values.score, ...pii, ...(values['baseline-score'] ? [values['baseline-score']] : [])]);
  let report;
  try {
    report = evaluationReport({
      evaluated, choice, strategy, snapshot, slices,
      bootstrap: resamples > 0 ? { resamples, seed } : null,
      errorColumns: snapshot.columns.map((c) => c.name).filter((name) => !used.has(name)),
      ...(table.kind === 'multiclass' ? { classes: table.classes } : {}),
    });
  } catch (e) {
    throw new CliError(errorText(e), 2);
  }
  let comparison = null;
  const baselineEvaluated = baselineParts[1];
  if (baselineEvaluated) {
    // The score and the baseline are compared as two runs on the same rows, exactly as the app's comparison does.
    const compared = compareRuns([
      { id: 'baseline', name: values['baseline-score'] ?? 'baseline', test: baselineEvaluated, validation: baselineParts[0], strategy },
      { id: 'score', name: values.score[0], test: evaluated, validation: choice, strategy },
    ], 'baseline', { snapshot: null, bootstrap: resamples > 0 ? { resamples, seed } : null, slice: null });
    const [{ report: base }, candidate] = compared.runs;
    comparison = {
      baseline_score: values['baseline-score'],
      baseline: {
        threshold: base.threshold, threshold_choice: base.threshold_choice, roc_auc: base.roc_auc, average_precision: base.average_precision,
        precision: base.precision, recall: base.recall, f1: base.f1, ci: base.ci,
      },
      delta: candidate.delta,
    };
  }
  const out = {
    snapshot: snapshotSummary(snapshot),
    label: values.label, positive_class: table.positive, score_columns: values.score, skipped_rows: table.skipped, pii_columns_left_out: pii,
    ...(values['choose-on'] ? { chosen_on_rows: values['choose-on'] } : {}),
    // Multiclass: the top level is the multiclass report; the positive class's figures sit under one_vs_rest[class].
    ...reportTopLevel(report, report.multiclass, table.positive),
    ...(comparison ? { comparison } : {}),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  if (report.multiclass) {
    if (report.multiclass.accuracy === null) throw new CliError(report.multiclass.messages[0] ?? 'the multiclass report is undefined for these rows', 1);
  } else if (report.n === 0 || report.roc_auc === null) throw new CliError(report.messages[0] ?? 'the headline metrics are undefined for these rows', 1);
}
