import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { parseGateSpec, recheckBundle, sha256Hex, type GateSpec } from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { needs, readOptions, text } from './options.ts';

export const GATES_USAGE = `mle-playground gates <bundle.zip> [--gates g.json]

Re-checks the promotion gates of an exported bundle from its own files: test metrics from metrics.json, the model
size from model/, and the intervals, baseline comparison, slices, findings and latency recorded in gates.json.
The gates are those of --gates (a {"version": 1, "gates": [...]} file, or a contract with a gates section), else
the bundle's own. Prints every verdict as JSON. Exit 0 when every gate passes, 1 when any fails, 2 on bad input.`;

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
}

/** Reads a g.json (or a contract holding gates); anything unreadable or invalid exits 2 naming the file and path. */
export function readGateSpec(path: string): GateSpec {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(readBytes(path)));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
  const parsed = parseGateSpec(json);
  if (!parsed.ok) throw new CliError(`${path}: ${parsed.message}`, 2);
  return parsed.spec;
}

export async function gatesCommand(args: string[]): Promise<void> {
  const { values, positionals } = readOptions('gates', args, { gates: text });
  const [zip] = positionals;
  if (!zip) throw needs('gates', '<bundle.zip>');
  const override = values.gates ? readGateSpec(values.gates) : null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(readBytes(zip));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${zip} is not a zip file: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
  // A file that no longer matches the manifest's hash is not the bundle that was judged: refuse rather than re-judge it.
  let hashes: Record<string, string> = {};
  try {
    hashes = (JSON.parse(new TextDecoder().decode(files['manifest.json'] ?? new Uint8Array())) as { files?: Record<string, string> }).files ?? {};
  } catch {
    throw new CliError(`${zip} has no readable manifest.json; is it an MLE Playground bundle?`, 2);
  }
  for (const [path, hash] of Object.entries(hashes)) {
    const bytes = files[path];
    if (!bytes) throw new CliError(`${zip}: ${path} is listed in manifest.json but missing from the zip`, 2);
    if ((await sha256Hex(bytes)) !== hash) throw new CliError(`${zip}: ${path} does not match its SHA-256 in manifest.json`, 2);
  }
  let result;
  try {
    result = recheckBundle(files, override);
  } catch (e) {
    throw new CliError(`${zip}: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
  const { report } = result;
  process.stdout.write(`${JSON.stringify({ bundle_id: result.bundleId, promotable: report.promotable, failed: report.failed, verdicts: report.verdicts }, null, 2)}\n`);
  if (!report.promotable) throw new CliError(`${report.failed.length} of ${report.verdicts.length} gates fail: ${report.failed.join(', ')}`, 1);
}
