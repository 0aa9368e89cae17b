import { errorText, completeContract, profileSnapshot, seedRules, suggestRoles, type DataContract, type Snapshot } from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { readChunks, readSnapshot } from './read-snapshot.ts';

function readJson(path: string): unknown {
  const chunks: Uint8Array[] = [];
  readChunks(path, (chunk) => chunks.push(chunk.slice()));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new CliError(`${path} is not valid UTF-8; save the contract as UTF-8 JSON`, 2);
  }
  try {
    // TextDecoder drops a UTF-8 byte-order mark, which editors on Windows write; JSON.parse would refuse it.
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} is not valid JSON: ${errorText(e)}`, 2);
  }
}

/**
 * Reads the CSV (with the contract's missing tokens) and completes the contract against it exactly as the app does:
 * unspecified roles come from the profile's suggestions (so PII is excluded), rules from the data, the split by default.
 * `contract` is a path to a JSON file, or an object built from command-line flags.
 */
export async function readSnapshotAndContract(csv: string, contract: string | object): Promise<{ snapshot: Snapshot; contract: DataContract }> {
  const json = typeof contract === 'string' ? readJson(contract) : contract;
  const source = typeof contract === 'string' ? contract : 'the command line';
  const tokens = (json as { missingTokens?: unknown } | null)?.missingTokens;
  const snapshot = await readSnapshot(csv, Array.isArray(tokens) ? { missingTokens: tokens.map(String) } : {});
  try {
    return { snapshot, contract: completeContract(snapshot, json, suggestRoles(snapshot, profileSnapshot(snapshot), null), seedRules(snapshot)) };
  } catch (e) {
    throw new CliError(`${source}: ${errorText(e)}`, 2);
  }
}
