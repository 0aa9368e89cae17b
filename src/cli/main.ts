import { CliError } from './cli-error.ts';
import { takeMaxBytes } from './read-snapshot.ts';
import { errorText } from '../core/error-text.ts';

interface Command {
  readonly usage: string;
  run(args: string[]): Promise<void>;
}

// Each command module loads only when asked for, so a command pays only for its own imports: tfjs loads for `train`
// alone, and `--help` for one command reads just that command's module.
const COMMANDS: Record<string, () => Promise<Command>> = {
  profile: async () => { const m = await import('./profile-command.ts'); return { usage: m.PROFILE_USAGE, run: m.profileCommand }; },
  check: async () => { const m = await import('./check-command.ts'); return { usage: m.CHECK_USAGE, run: m.checkCommand }; },
  train: async () => { const m = await import('./train-command.ts'); return { usage: m.TRAIN_USAGE, run: m.trainCommand }; },
  evaluate: async () => { const m = await import('./evaluate-command.ts'); return { usage: m.EVALUATE_USAGE, run: m.evaluateCommand }; },
  inspect: async () => { const m = await import('./inspect-command.ts'); return { usage: m.INSPECT_USAGE, run: m.inspectCommand }; },
  reproduce: async () => { const m = await import('./reproduce-command.ts'); return { usage: m.REPRODUCE_USAGE, run: m.reproduceCommand }; },
  score: async () => { const m = await import('./score-command.ts'); return { usage: m.SCORE_USAGE, run: m.scoreCommand }; },
  drift: async () => { const m = await import('./score-command.ts'); return { usage: m.DRIFT_USAGE, run: m.driftCommand }; },
  shadow: async () => { const m = await import('./shadow-command.ts'); return { usage: m.SHADOW_USAGE, run: m.shadowCommand }; },
  gates: async () => { const m = await import('./gates-command.ts'); return { usage: m.GATES_USAGE, run: m.gatesCommand }; },
  verify: async () => { const m = await import('./verify-command.ts'); return { usage: m.VERIFY_USAGE, run: m.verifyCommand }; },
};

async function help(): Promise<string> {
  const usages = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).usage));
  return `mle-playground: the MLE Playground core on the command line (same code as the browser app)

Commands:
  ${usages.map((u) => u.split('\n').join('\n  ')).join('\n\n  ')}

Options:
  --help         show this help (after a command: that command's help)
  --max-bytes N  refuse input files larger than N bytes (suffix K, M or G; default 4G)

Exit codes: 0 ok, 1 a blocking check failed (e.g. the label has one class), 2 unreadable input or bad arguments;
the reason is one line on stderr.`;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = takeMaxBytes(argv);
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  const load = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!command || command === '--help' || command === '-h' || (wantsHelp && !load)) {
    process.stdout.write(`${await help()}\n`);
    return;
  }
  if (!load) throw new CliError(`unknown command "${command}"; run mle-playground --help`, 2);
  const { usage, run } = await load();
  if (wantsHelp) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  return run(rest);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const code = e instanceof CliError ? e.exitCode : 2;
  process.stderr.write(`mle-playground: ${errorText(e).split('\n')[0]}\n`);
  process.exitCode = code;
});
