import { readFileSync } from 'node:fs';
import { errorText, BundleError, compareParity, parityMatrix, readBundle, type OpenedBundle, type ParityVerdict } from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { needs, readOptions } from './options.ts';

export const VERIFY_USAGE = `mle-playground verify <bundle.zip>

Verifies a bundle as inspect does (safe entries, sizes, every file known and present, SHA-256 of every file against
manifest.json, format version, schemas), then re-scores parity.json when the bundle has one: each row's raw cells go
through preprocessing.json and the model (tf.loadLayersModel from memory, cpu backend), and every score must equal the
expected one within the tolerance parity.json states. Prints a JSON verdict on stdout. Exits 0 when valid, 1 when a
parity score disagrees, 2 when the bundle is invalid (the reason on stderr).`;

/** Re-scores parity.json through the bundle's own preprocessing and model; tfjs loads only here, and only when there are rows. */
async function rescoreParity(bundle: OpenedBundle): Promise<ParityVerdict | null> {
  const { parity } = bundle;
  if (!parity || parity.rows.length === 0) return null;
  const x = await parityMatrix(parity, bundle.preprocessing, bundle.contract.missing_tokens ?? []);
  const { activateBackend, loadModelFiles, predictScores, quietTfjs } = await import('../core/training.ts');
  quietTfjs();
  await activateBackend('cpu');
  let model;
  try {
    model = await loadModelFiles({ 'model.json': bundle.files.get('model/model.json') as Uint8Array, 'weights.bin': bundle.files.get('model/weights.bin') as Uint8Array });
  } catch (e) {
    throw new CliError(`the bundle's model does not load: ${errorText(e)}`, 2);
  }
  const d = bundle.preprocessing.outputNames.length;
  const scores = await predictScores(model, x, parity.rows.length, d);
  model.dispose();
  return compareParity(parity, scores, bundle.manifest.classes?.length ?? 1);
}

/** `verify <bundle.zip>`: exit 0 valid, 1 parity mismatch, 2 invalid bundle (a CliError naming the first problem). */
export async function verifyCommand(args: string[]): Promise<void> {
  const started = performance.now();
  const [path] = readOptions('verify', args, {}).positionals;
  if (!path) throw needs('verify', '<bundle.zip>');
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
  let bundle: OpenedBundle;
  try {
    bundle = await readBundle(zip);
  } catch (e) {
    if (e instanceof BundleError) throw new CliError(`${path} is not a valid bundle (${e.kind}): ${e.message}`, 2);
    throw e;
  }
  let parity: ParityVerdict | null;
  try {
    parity = await rescoreParity(bundle);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path}: parity.json cannot be re-scored: ${errorText(e)}`, 2);
  }
  const verdict = parity && !parity.ok ? 'parity-mismatch' : 'valid';
  process.stdout.write(`${JSON.stringify({
    verdict, bundle_id: bundle.id, format: bundle.format, files_hashed: Object.keys(bundle.manifest.files).length,
    parity: parity ?? (bundle.parity ? 'parity.json has no rows' : 'no parity.json (it is opt-in)'),
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  }, null, 2)}\n`);
  if (parity && !parity.ok) {
    throw new CliError(`bundle ${bundle.id}: parity.json row ${parity.worstRow + 1} (1-based) scores ${parity.maxGap} away from its expected score (tolerance ${parity.tolerance})`, 1);
  }
}
