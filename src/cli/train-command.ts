import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, errorText, binaryReport, bundleRun, createContract, createRunConfig, labelClasses, multiclassReport, reportTopLevel, scoresCsv, toRunContract, zipBundle, type BackendPreference, type AppInfo, type EvaluationReport, referenceProfile, withheldColumns } from '../core/index.ts';
import { appInfo } from './app-info.ts';
import { zlibDeflate } from './zlib-deflate.ts';
import { trainThread, type TrainThread } from './train-thread-client.ts';
import { CliError } from './cli-error.ts';
import { readSnapshotAndContract } from './contract-file.ts';
import { dismissFlags, leakageGate } from './leakage-gate.ts';
import { modelOptions } from './model-options.ts';
import { needs, readOptions, seedOption, text, texts } from './options.ts';
import { judgeTrainRun, trainGateContract } from './train-gates.ts';

export const TRAIN_USAGE = `mle-playground train <csv> (--contract contract.json | --label COL [--positive VALUE] [--exclude COL,COL])
                      [--model logistic|mlp|prior] [--config cfg.json] [--class-weight none|balanced]
                      [--task auto|binary|multiclass]
                      [--seed N] [--threshold T] [--backend cpu|wasm] [--parity-rows N] [--gates g.json] [--dismiss CHECK:COLUMN="reason"]... --out DIR

With --contract, features are the columns whose role is "feature" (PII never) and the split is the contract's.
Trains with the same core as the browser and writes to DIR: model/ (tfjs LayersModel), preprocessing.json,
config.json, scores-train.csv, scores-validation.csv, scores-test.csv and <bundle-id>.zip (the artifact bundle, format 2:
with report.html, model-card.md and environment.json). --parity-rows N adds parity.json: the feature cells of the first
N test rows (never PII) with their scores, so another scorer can prove it computes the same; off (0) by default.
--task auto (the default) trains softmax over every class when the label has more than two, and binary
(positive class against the rest) otherwise; multiclass test metrics are the multiclass ones, with the positive
class's one-vs-rest figures under test.one_vs_rest.<class>. converged is true only when L-BFGS met its gradient
tolerance; stop_reason, gradient_max and objective say how it ended.
With --gates (or gates in the contract), the run is judged against its promotion gates and the verdict goes into
the bundle as gates.json; the manifest says promotable true or false. A failed gate does not stop the export.
The same arguments give identical model bytes. Prints a JSON summary on stdout.

Before training it runs the same checks as \`check\`: a failing finding that neither the contract's "dismissed" list nor
--dismiss (e.g. --dismiss single-feature:boat="known at booking") dismisses stops it with exit 1 and the finding on
stderr. Open and dismissed findings go into the bundle as findings.json.`;

/**
 * tfjs (and the quieting of its console chatter) loads only here, and only for a run that needs it: other commands,
 * and logistic regression, binary or multinomial, on cpu (scored and saved on the host, see `runsOnHost`), start
 * without it.
 */
export async function loadTraining() {
  const { runsOnHost, trainBaseline } = await import('../core/train/train-baseline.ts');
  let tfjs: Promise<void> | null = null;
  const loadTfjs = () => (tfjs ??= Promise.all([import('../core/training.ts'), import('../core/models/wasm-backend.ts')]).then(([{ quietTfjs }]) => quietTfjs()));
  const train: typeof trainBaseline = async (snapshot, contract, config, hooks) => {
    if (!runsOnHost(config, hooks?.excludeBackends)) await loadTfjs();
    return trainBaseline(snapshot, contract, config, hooks);
  };
  return train;
}

// The file's size decides whether `train` starts a second thread; a path that cannot be stat'ed fails in the read.
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

const TRAIN_OPTIONS = {
    label: text, positive: text, exclude: text, seed: seedOption,
    threshold: { kind: 'number', min: 0, max: 1 }, backend: text, out: text, contract: text,
    model: text, config: text, 'class-weight': text, task: text, dismiss: texts, gates: text,
    'parity-rows': { kind: 'number', whole: true, min: 0, max: 1000, note: '0 for none' },
} as const;
type TrainValues = ReturnType<typeof readOptions<typeof TRAIN_OPTIONS>>['values'];

export async function trainCommand(args: string[]): Promise<void> {
  const { values, positionals } = readOptions('train', args, TRAIN_OPTIONS);
  const [csv] = positionals;
  if (!csv || !values.out || (!values.label && !values.contract)) throw needs('train', '<csv>, --contract or --label, and --out');
  const backend = (values.backend ?? 'cpu') as BackendPreference;
  if (backend !== 'cpu' && backend !== 'wasm') throw new CliError(`--backend must be cpu or wasm in Node, got "${backend}"`, 2);
  const threshold = values.threshold ?? 0.5;
  const excluded = (values.exclude ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const fromFlags = { label: values.label, ...(values.positive !== undefined ? { positiveClass: values.positive } : {}), roles: Object.fromEntries(excluded.map((c) => [c, 'ignore'])) };
  // git is asked from the start; a run that ends without a bundle lets go of it (a no-op once it has answered).
  const git = new AbortController();
  const app = appInfo(git.signal);
  const second = trainThread(fileSize(csv));
  try {
    await trainWith(second, app, csv, values.out, values, fromFlags, backend, threshold);
  } finally {
    second.close();
    git.abort();
  }
}

// Node's performance.now() counts from the process's start, so these include start-up: what a user waits for each.
const timings = (readAt: number, fittedAt: number) => ({ read: Math.round(readAt), fitted: Math.round(fittedAt), total: Math.round(performance.now()) });

async function trainWith(second: TrainThread, app: Promise<AppInfo>, csv: string, out: string, values: TrainValues, fromFlags: object, backend: BackendPreference, threshold: number): Promise<void> {
  const seed = values.seed ?? DEFAULT_SEED;
  const read = await readSnapshotAndContract(csv, values.contract ?? fromFlags);
  const readAt = performance.now();
  const { snapshot } = read;
  // A bad --gates file or --dismiss value exits 2 before any work is spent. The gates lock as the run starts.
  const withGates = trainGateContract(values.gates, read.contract, new Date().toISOString());
  dismissFlags(values.dismiss);
  // Planned and trained on the contract as read, while the checks run (on the second thread for a large file): what
  // the gate adds, dismissals and locked gates, changes neither what is trained nor the evaluation's slices and
  // withheld columns. A blocking finding still wins: nothing is written, exit 1, as before; a contract error found
  // in planning exits 2 after it, as before.
  const trainBaseline = await loadTraining();
  const checked = second.checks(snapshot, read.contract, seed);
  let evaluation: Promise<EvaluationReport> | null = null;
  // When the model was fitted and had scored every split (ms since the process started), for the summary's timings.
  let fittedAt = NaN;
  // Set when the run is refused after training began (a blocking finding): the training stops at its next step.
  let abandoned = false;
  const early = (async () => {
    let contract;
    let config;
    try {
      const run = toRunContract(read.contract);
      const labelColumn = snapshot.columns.find((c) => c.name === run.label);
      const classCount = labelColumn ? labelClasses(labelColumn).length : 0;
      contract = createContract(run.label, run.positiveClass, run.features, run.hashedFeatures);
      config = createRunConfig({ seed, backend, split: read.contract.split, ...modelOptions(values.model, values.config, values['class-weight'], values.task, classCount) });
    } catch (e) {
      throw new CliError(errorText(e), 2);
    }
    try {
      const outcome = await trainBaseline(snapshot, contract, config, {
        shouldStop: () => abandoned,
        // The test split's evaluation starts on the second thread as soon as the run has scored it.
        onScored: (scored) => {
          fittedAt = performance.now();
          if (abandoned) return;
          evaluation = second.evaluate({ contract, ...scored }, threshold, withheldColumns(read.contract), read.contract);
          evaluation.catch(() => {});
        },
      });
      return { contract, outcome };
    } catch (e) {
      throw new CliError(errorText(e), 1);
    }
  })();
  early.catch(() => {});
  const timed = await checked;
  let gate;
  try {
    gate = leakageGate(timed.value, timed.ms, read.contract, values.dismiss, new Date().toISOString());
  } catch (e) {
    abandoned = true;
    throw e;
  }
  const gated = withGates ? { ...withGates, dismissed: gate.contract.dismissed } : null;
  const dataContract = gated ?? gate.contract;
  const { contract, outcome } = await early;
  const createdAt = new Date().toISOString();
  const gates = gated ? await judgeTrainRun(snapshot, gated, outcome, threshold, (c) => trainBaseline(snapshot, contract, c)) : undefined;
  // Made here while the second thread finishes the evaluation, rather than after it inside bundleRun.
  const reference = referenceProfile(snapshot, outcome, threshold, dataContract);
  const scoreFiles = (['train', 'validation', 'test'] as const).map((part) => [`scores-${part}.csv`, scoresCsv(outcome[part], outcome.classes)] as const);
  const evaluationReport = evaluation ? await evaluation : undefined;
  const bundle = await bundleRun({ snapshot, outcome, threshold, app: await app, createdAt, dataContract, ...(evaluationReport ? { evaluationReport } : {}), referenceProfile: reference, parityRows: values['parity-rows'] ?? 0, findings: gate.findings, ...(gates ? { gates } : {}) });
  mkdirSync(join(out, 'model'), { recursive: true });
  writeFileSync(join(out, bundle.fileName), zipBundle(bundle, createdAt, zlibDeflate));
  for (const [path, bytes] of Object.entries(bundle.files)) {
    if (path.startsWith('model/') || path === 'preprocessing.json' || path === 'config.json') writeFileSync(join(out, path), bytes);
  }
  for (const [name, text] of scoreFiles) writeFileSync(join(out, name), text);
  const { test } = outcome;
  const multi = outcome.classes && test.probabilities && test.classIndex ? multiclassReport(test.probabilities, test.classIndex, outcome.classes) : null;
  const report = reportTopLevel(binaryReport(test.scores, test.labels, threshold), multi, contract.positiveClass);
  const optimizer = outcome.optimizer ? { stop_reason: outcome.optimizer.reason, gradient_max: outcome.optimizer.gradientMax, gradient_tolerance: outcome.optimizer.tolerance, objective: outcome.optimizer.objective } : {};
  process.stdout.write(`${JSON.stringify({ bundle_id: bundle.id, bundle: join(out, bundle.fileName), backend: outcome.backend.name, task: outcome.config.task, ...(outcome.classes ? { classes: outcome.classes } : {}), iterations: outcome.iterations, converged: outcome.converged, ...optimizer, checks: { ms: Math.round(gate.ms), open: gate.findings.filter((f) => f.state === 'open').length, dismissed: gate.findings.filter((f) => f.state === 'dismissed').length }, test: report, ...(gates ? { promotable: gates.promotable, failed_gates: gates.failed } : {}), timings_ms: timings(readAt, fittedAt) }, null, 2)}\n`);
}
