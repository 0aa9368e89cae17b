import { readFileSync } from 'node:fs';
import { errorText, parseGateSpec, readBundle, recheckBundle, type GateSpec } from '../core/index.ts';
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
    throw new CliError(`cannot read ${path}: ${errorText(e)}`, 2);
  }
}

/** Reads a g.json (or a contract holding gates); anything unreadable or invalid exits 2 naming the file and path. */
export function readGateSpec(path: string): GateSpec {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(readBytes(path)));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path} is not valid JSON: ${errorText(e)}`, 2);
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
  // The hardened reader refuses hostile zips and any file that no longer matches the manifest's hash: such a file is
  // not the bundle that was judged, so it is refused rather than re-judged.
  let files: Record<string, Uint8Array>;
  try {
    files = Object.fromEntries((await readBundle(readBytes(zip))).files);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${zip} is not a valid bundle: ${errorText(e)}`, 2);
  }
  let result;
  try {
    result = recheckBundle(files, override);
  } catch (e) {
    throw new CliError(`${zip}: ${errorText(e)}`, 2);
  }
  const { report } = result;
  process.stdout.write(`${JSON.stringify({ bundle_id: result.bundleId, promotable: report.promotable, failed: report.failed, verdicts: report.verdicts }, null, 2)}\n`);
  if (!report.promotable) throw new CliError(`${report.failed.length} of ${report.verdicts.length} gates fail: ${report.failed.join(', ')}`, 1);
}
