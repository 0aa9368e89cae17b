import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';
import { errorText } from '../core/error-text.ts';

/** A number flag: `whole` for integers, inclusive bounds, and a note shown in the message (e.g. "0 for none"). */
export interface NumberOption {
  readonly kind: 'number';
  readonly whole?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly note?: string;
}

/** How one flag reads: free text, text that may repeat, an on/off switch, or a checked number. */
export type OptionSpec = { readonly kind: 'text' } | { readonly kind: 'texts' } | { readonly kind: 'switch' } | NumberOption;

type ValueOf<S extends OptionSpec> = S extends { kind: 'texts' } ? string[] : S extends { kind: 'switch' } ? boolean : S extends NumberOption ? number | undefined : string | undefined;

/** The values of a command's flags: absent text and numbers are undefined, absent repeats [], absent switches false. */
export type OptionValues<S extends Record<string, OptionSpec>> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** A flag that takes one value, as written: `--label survived`. */
export const text = { kind: 'text' } as const;
/** A flag that may repeat, values in order: `--score p_a --score p_b`. */
export const texts = { kind: 'texts' } as const;
/** A flag with no value: present is true. */
export const toggle = { kind: 'switch' } as const;
/** The seed every command takes: a whole number ≥ 0. */
export const seedOption = { kind: 'number', whole: true, min: 0 } as const satisfies NumberOption;

function describe(spec: NumberOption): string {
  const bounds =
    spec.min !== undefined && spec.max !== undefined ? ` between ${spec.min} and ${spec.max}`
      : spec.min !== undefined ? ` of at least ${spec.min}`
        : spec.max !== undefined ? ` of at most ${spec.max}` : '';
  return `${spec.whole ? 'a whole number' : 'a number'}${bounds}${spec.note ? ` (${spec.note})` : ''}`;
}

/** Reads `--name value` as a number under `spec`; an empty or non-numeric value, or one out of bounds, exits 2. */
export function readNumber(raw: string, name: string, spec: NumberOption): number {
  const n = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(n) && (!spec.whole || Number.isInteger(n))
    && (spec.min === undefined || n >= spec.min) && (spec.max === undefined || n <= spec.max);
  if (!ok) throw new CliError(`--${name} must be ${describe(spec)}, got "${raw}"`, 2);
  return n;
}

/**
 * The one option reader every command uses: unknown flags, a missing value, and numbers are refused the same way
 * (exit 2, one line naming the flag), and at most `maxPositionals` bare arguments are taken. `--help` never gets here:
 * main.ts answers it for every command.
 */
export function readOptions<S extends Record<string, OptionSpec>>(
  command: string, args: readonly string[], spec: S, maxPositionals = 1,
): { values: OptionValues<S>; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, s] of Object.entries(spec)) options[name] = s.kind === 'switch' ? { type: 'boolean' } : { type: 'string', multiple: s.kind === 'texts' };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    const reason = errorText(e).split('\n')[0];
    const unknown = /^Unknown option '([^']+)'/.exec(reason);
    // parseArgs reads "-1" after a flag as another option; the fix is the "=" form.
    const hint = /ambiguous/i.test(reason) ? ' (for a negative number write it as --option=-1)' : '';
    throw new CliError(`${unknown ? `${command} has no option ${unknown[1]}` : `${reason}${hint}`}; run mle-playground ${command} --help`, 2);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new CliError(`${command} takes ${maxPositionals} file argument${maxPositionals === 1 ? '' : 's'}; "${parsed.positionals[maxPositionals]}" is one too many`, 2);
  }
  const values: Record<string, string | string[] | boolean | number | undefined> = {};
  for (const [name, s] of Object.entries(spec)) {
    const raw = parsed.values[name];
    if (s.kind === 'switch') values[name] = raw === true;
    else if (s.kind === 'texts') values[name] = Array.isArray(raw) ? raw.map(String) : [];
    else if (s.kind === 'text') values[name] = typeof raw === 'string' ? raw : undefined;
    else values[name] = typeof raw === 'string' ? readNumber(raw, name, s) : undefined;
  }
  return { values: values as OptionValues<S>, positionals: parsed.positionals };
}

/** The one message for missing required arguments: `<command> needs <what>; run mle-playground <command> --help` (exit 2). */
export function needs(command: string, what: string): CliError {
  return new CliError(`${command} needs ${what}; run mle-playground ${command} --help`, 2);
}
