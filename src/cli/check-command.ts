import { DEFAULT_SEED, snapshotSummary, blockingFindings, runChecks } from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { readSnapshotAndContract } from './contract-file.ts';
import { needs, readOptions, seedOption, text } from './options.ts';

export const CHECK_USAGE = `mle-playground check <csv> --contract contract.json [--seed N]

Validates the CSV against a data contract and runs the leakage checks on the contract's split, printing JSON on stdout.
The contract needs only "label"; roles, rules and the split default as in the app. Exits 1 when a check fails
(and is not dismissed in the contract), 2 when the CSV or the contract cannot be read.`;

export async function checkCommand(args: string[]): Promise<void> {
  const { values, positionals } = readOptions('check', args, { contract: text, seed: seedOption });
  const [csv] = positionals;
  if (!csv || !values.contract) throw needs('check', '<csv> and --contract');
  const seed = values.seed ?? DEFAULT_SEED;
  const { snapshot, contract } = await readSnapshotAndContract(csv, values.contract);
  const report = runChecks(snapshot, contract, seed);
  const blocking = blockingFindings([...report.validation, ...report.leakage], contract);
  const out = {
    snapshot: snapshotSummary(snapshot),
    contract, seed, validation: report.validation, leakage: report.leakage, split: report.split, split_error: report.splitError,
    blocking: blocking.map((f) => f.id),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  if (blocking.length > 0 || report.splitError) {
    throw new CliError(`${blocking.length} blocking check${blocking.length === 1 ? '' : 's'} failed: ${blocking.map((f) => f.id).join(', ') || report.splitError}`, 1);
  }
}
