import { CliError } from './cli-error.ts';
import { CHECK_USAGE, checkCommand } from './check-command.ts';
import { EVALUATE_USAGE, evaluateCommand } from './evaluate-command.ts';
import { PROFILE_USAGE, profileCommand } from './profile-command.ts';
import { DRIFT_USAGE, SCORE_USAGE, driftCommand, scoreCommand } from './score-command.ts';
import { TRAIN_USAGE, trainCommand } from './train-command.ts';

const HELP = `mle-playground: the MLE Playground core on the command line (same code as the browser app)

Commands:
  ${[PROFILE_USAGE, CHECK_USAGE, TRAIN_USAGE, EVALUATE_USAGE, SCORE_USAGE, DRIFT_USAGE].map((u) => u.split('\n').join('\n  ')).join('\n\n  ')}

Options:
  --help     show this help

Exit codes: 0 ok, 1 a blocking check failed (e.g. the label has one class), 2 unreadable input or bad arguments;
the reason is one line on stderr.`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || rest.includes('--help')) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (command === 'profile') return profileCommand(rest);
  if (command === 'check') return checkCommand(rest);
  if (command === 'train') return trainCommand(rest);
  if (command === 'evaluate') return evaluateCommand(rest);
  if (command === 'score') return scoreCommand(rest);
  if (command === 'drift') return driftCommand(rest);
  throw new CliError(`unknown command "${command}"; run mle-playground --help`, 2);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const code = e instanceof CliError ? e.exitCode : 2;
  process.stderr.write(`mle-playground: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
  process.exitCode = code;
});
