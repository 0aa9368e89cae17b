import { CliError } from './cli-error.ts';
import { TRAIN_USAGE, trainCommand } from './train-command.ts';

const HELP = `mle-playground: the MLE Playground core on the command line (same code as the browser app)

Commands:
  ${TRAIN_USAGE.split('\n').join('\n  ')}

Options:
  --help     show this help

Exit codes: 0 ok, 1 a blocking check failed (e.g. the label has one class), 2 unreadable input or bad arguments.`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || rest.includes('--help')) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (command === 'train') return trainCommand(rest);
  throw new CliError(`unknown command "${command}"; run mle-playground --help`, 2);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const code = e instanceof CliError ? e.exitCode : 2;
  process.stderr.write(`mle-playground: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
  process.exitCode = code;
});
