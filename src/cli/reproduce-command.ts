import { readFileSync } from 'node:fs';
import {
  binaryReport, BundleError, createContract, createRunConfig, readBundle, sha256Hex, type BackendName, type BinaryReport, type OpenedBundle, type RunConfig, type Snapshot, type TrainOutcome,
} from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { readOptions, text } from './options.ts';
import { errorText, transform } from '../core/index.ts';
import type { ModelFiles } from '../core/training.ts';
import { readSnapshot } from './read-snapshot.ts';
import { loadTraining } from './train-command.ts';

export const REPRODUCE_USAGE = `mle-playground reproduce <bundle.zip> <csv> [--backend cpu|wasm]

Checks that the CSV's SHA-256 is the bundle's snapshot ID (exit 2 naming both when not), retrains from the bundle's
contract, config and seed, and compares the model files and test metrics with the bundle's. On the backend that
trained the bundle they must be byte-identical. On another (a bundle trained on webgl or webgpu in the browser is
retrained on cpu in Node, or --backend picks one) the bundle's weights are compared through what they compute: its
model's score on every test row must agree with the retrained one within 1e-2, and every test metric within 1e-3
absolute (L-BFGS stops within its gradient tolerance at slightly different weights on another backend; the largest
raw weight gap is reported; a row scoring within 1e-2 of the threshold may flip). Prints a JSON verdict on stdout; exits 1 on a mismatch.`;

/**
 * Largest absolute differences allowed across backends. Seeded training agrees across backends to ~1e-7 in loss, but L-BFGS stops
 * anywhere within its gradient tolerance on a flat objective, so single scores move more than the metrics do: up to
 * 3e-3 was measured on Titanic (logistic, cpu vs wasm), 1e-7 for the MLP.
 */
const SCORE_TOLERANCE = 1e-2;
const METRIC_TOLERANCE = 1e-3;
const NODE_BACKENDS: readonly BackendName[] = ['cpu', 'wasm'];

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const equalBytes = (a: Uint8Array | undefined, b: Uint8Array): boolean => a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** Largest |a − b| over two float32 weight files, or Infinity when their lengths differ. */
function maxWeightGap(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length % 4) return Infinity;
  const x = new Float32Array(a.slice().buffer);
  const y = new Float32Array(b.slice().buffer);
  let gap = 0;
  for (let i = 0; i < x.length; i++) gap = Math.max(gap, Math.abs(x[i] - y[i]));
  return gap;
}

/** Largest |score| gap on the test rows between the bundle's model and the retrained run (probabilities for multiclass). */
async function bundleScoreGap(files: ModelFiles, outcome: TrainOutcome, snapshot: Snapshot): Promise<number> {
  const { loadModelFiles, predictScores } = await import('../core/training.ts');
  let model;
  try {
    model = await loadModelFiles(files);
  } catch {
    return Infinity;
  }
  const d = outcome.preprocessing.outputNames.length;
  const rows = outcome.test.rows;
  const scores = await predictScores(model, transform(outcome.preprocessing, snapshot, rows), rows.length, d);
  model.dispose();
  const fresh = outcome.test.probabilities ?? outcome.test.scores;
  if (scores.length !== fresh.length) return Infinity;
  let gap = 0;
  for (let i = 0; i < fresh.length; i++) gap = Math.max(gap, Math.abs(scores[i] - fresh[i]));
  return Number.isNaN(gap) ? Infinity : gap;
}

const THRESHOLD_FREE = new Set(['roc_auc', 'average_precision', 'brier', 'log_loss', 'ece', 'mce']);
const COUNTS = new Set(['tp', 'fp', 'tn', 'fn']);

/**
 * Metric keys of metrics.json whose values differ by more than `tolerance` (0: exactly), with both values. Across
 * backends a row whose score lies within the tolerance of the threshold may legitimately flip: then each count may
 * move by at most that many rows, and the ratios built on the counts are not compared (the note says so).
 */
function metricGaps(recorded: Record<string, unknown>, fresh: BinaryReport, tolerance: number, borderline: number, scoreTolerance: number): { gaps: string[]; note: string } {
  const gaps: string[] = [];
  for (const [key, value] of Object.entries(fresh)) {
    const was = recorded[key];
    if (typeof value !== 'number' && value !== null) continue;
    if (borderline > 0 && !THRESHOLD_FREE.has(key) && !COUNTS.has(key) && key !== 'n' && key !== 'n_pos' && key !== 'n_neg' && key !== 'threshold') continue;
    const allowed = COUNTS.has(key) ? borderline : tolerance;
    const same = value === null || was === null ? value === was : typeof was === 'number' && Math.abs(was - value) <= allowed;
    if (!same) gaps.push(`${key} ${String(was)} → ${String(value)}`);
  }
  const note = borderline > 0 ? `; ${borderline} test row${borderline === 1 ? '' : 's'} score within ${scoreTolerance} of the threshold, so counts may move by that much and threshold ratios are not compared` : '';
  return { gaps, note };
}

/** The bundle at `path`, verified by the safe reader; an unreadable or invalid bundle exits 2 with the reason. */
async function openBundle(path: string): Promise<OpenedBundle> {
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
  try {
    return await readBundle(zip);
  } catch (e) {
    if (e instanceof BundleError) throw new CliError(`${path} is not a valid bundle (${e.kind}): ${e.message}`, 2);
    throw e;
  }
}

export async function reproduceCommand(args: string[]): Promise<void> {
  const started = performance.now();
  const { values, positionals } = readOptions('reproduce', args, { backend: text }, 2);
  const [zipPath, csv] = positionals;
  if (!zipPath || !csv) throw new CliError('reproduce needs <bundle.zip> and <csv>; run mle-playground reproduce --help', 2);
  const bundle = await openBundle(zipPath);
  const { manifest, config, contract: contractFile } = bundle;
  const file = (path: string) => bundle.files.get(path);

  let csvBytes: Uint8Array;
  try {
    csvBytes = new Uint8Array(readFileSync(csv));
  } catch (e) {
    throw new CliError(`cannot read ${csv}: ${errorText(e)}`, 2);
  }
  const csvId = await sha256Hex(csvBytes);
  if (csvId !== manifest.snapshot.sha256) {
    throw new CliError(`${csv} has SHA-256 ${csvId}, but bundle ${manifest.bundle_id} was trained on snapshot ${manifest.snapshot.sha256}`, 2);
  }

  const recorded = config.backend.used;
  const requested = values.backend ?? (NODE_BACKENDS.includes(recorded) ? recorded : 'cpu');
  if (!NODE_BACKENDS.includes(requested as BackendName)) throw new CliError(`--backend must be cpu or wasm in Node, got "${requested}"`, 2);
  const snapshot = await readSnapshot(csv, contractFile.missing_tokens ? { missingTokens: contractFile.missing_tokens } : {});
  let runConfig: RunConfig;
  let contract;
  try {
    contract = createContract(config.label, config.positive_class, config.features);
    runConfig = createRunConfig({
      seed: config.seed, backend: requested as BackendName, split: config.split, model: config.model, hyperparameters: config.hyperparameters,
      classWeight: config.class_weight, task: config.task ?? 'binary',
    });
  } catch (e) {
    throw new CliError(`${zipPath}: config.json: ${errorText(e)}`, 2);
  }
  const trainBaseline = await loadTraining();
  let outcome = await trainBaseline(snapshot, contract, runConfig);
  // On wasm an MLP's kernel (host or tfjs) is chosen by timing, and the bundle does not record which ran, so the retrain
  // may have timed the other way (bundles from before the host kernel's SIMD products mostly ran tfjs's at batch 1024).
  // Each kernel is deterministic: retrain with each before calling the weights a mismatch.
  let kernelNote: string | null = null;
  if (config.model === 'mlp' && recorded === 'wasm' && outcome.backend.name === 'wasm' && !equalBytes(file('model/weights.bin'), outcome.modelFiles['weights.bin'])) {
    for (const mlpKernel of ['host', 'tfjs'] as const) {
      const retry = await trainBaseline(snapshot, contract, runConfig, { mlpKernel });
      if (!equalBytes(file('model/weights.bin'), retry.modelFiles['weights.bin'])) continue;
      outcome = retry;
      kernelNote = `the MLP steps reproduced on the ${mlpKernel} kernel, which this machine's timing did not pick`;
      break;
    }
  }
  const used = outcome.backend.name;
  const same = used === recorded;
  const tolerance = same ? 0 : METRIC_TOLERANCE;
  const scoreTolerance = same ? 0 : SCORE_TOLERANCE;

  // Every file's hash was checked against the manifest when the bundle was opened.
  const checks: Check[] = [];
  const pre = new TextEncoder().encode(`${JSON.stringify(outcome.preprocessing, null, 2)}\n`);
  checks.push({ name: 'preprocessing.json', ok: equalBytes(file('preprocessing.json'), pre), detail: 'byte-identical' });
  checks.push({ name: 'model/model.json', ok: equalBytes(file('model/model.json'), outcome.modelFiles['model.json']), detail: 'byte-identical' });
  const weights = file('model/weights.bin');
  if (same) {
    checks.push({ name: 'model/weights.bin', ok: equalBytes(weights, outcome.modelFiles['weights.bin']), detail: 'byte-identical' });
  } else {
    const gap = weights ? maxWeightGap(weights, outcome.modelFiles['weights.bin']) : Infinity;
    const scoreGap = weights ? await bundleScoreGap({ 'model.json': file('model/model.json') as Uint8Array, 'weights.bin': weights }, outcome, snapshot) : Infinity;
    checks.push({ name: 'model/weights.bin', ok: scoreGap <= scoreTolerance, detail: `the bundle's model scores every test row within ${scoreGap} of the retrained one (tolerance ${scoreTolerance}); largest raw weight gap ${gap}` });
  }
  let borderline = 0;
  if (!same) for (const score of outcome.test.scores) if (Math.abs(score - config.threshold) <= scoreTolerance) borderline++;
  const { gaps, note } = metricGaps(bundle.metrics as unknown as Record<string, unknown>, binaryReport(outcome.test.scores, outcome.test.labels, config.threshold), tolerance, borderline, scoreTolerance);
  checks.push({ name: 'metrics.json (test split)', ok: gaps.length === 0, detail: gaps.length ? gaps.join('; ') : same ? 'every metric identical' : `every metric within ${tolerance}${note}` });

  const failed = checks.filter((c) => !c.ok);
  const verdict = failed.length === 0 ? 'reproduced' : 'mismatch';
  process.stdout.write(`${JSON.stringify({
    verdict, bundle_id: manifest.bundle_id, snapshot: csvId,
    backend: { recorded, used, ...(same ? {} : { note: `the bundle was trained on ${recorded}; retrained on ${used}, compared within tolerance` }), ...(kernelNote ? { kernel: kernelNote } : {}) },
    comparison: same ? 'byte-identical' : `scores within ${scoreTolerance}, metrics within ${tolerance} absolute`, checks, seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  }, null, 2)}\n`);
  if (failed.length) throw new CliError(`bundle ${manifest.bundle_id} does not reproduce: ${failed.map((c) => `${c.name} (${c.detail})`).join('; ')}`, 1);
}
