import { blockingFindings, recordFindings, type ChecksReport, type DataContract, type Dismissal, type Finding, type RecordedFinding } from '../core/index.ts';
import { CliError } from './cli-error.ts';

/** What the checks before training decided: the contract with the command line's dismissals, and what the bundle records. */
export interface GateResult {
  readonly contract: DataContract;
  readonly findings: readonly RecordedFinding[];
  readonly ms: number;
}

const unquote = (s: string): string => s.trim().replace(/^(["'])(.*)\1$/s, '$2').trim();

/**
 * `--dismiss CHECK:COLUMN=reason` values split into key and reason; throws a usage error (exit 2) for a value without
 * a reason. `train` calls it before any work, so a mistyped flag costs nothing.
 */
export function dismissFlags(values: readonly string[]): { key: string; reason: string }[] {
  return values.map((value) => {
    const eq = value.indexOf('=');
    const key = eq < 0 ? '' : value.slice(0, eq).trim();
    const reason = eq < 0 ? '' : unquote(value.slice(eq + 1));
    if (!key || !reason) throw new CliError(`--dismiss needs CHECK:COLUMN="reason", e.g. --dismiss single-feature:boat="known at booking"; got "${value}"`, 2);
    return { key, reason };
  });
}

/**
 * `--dismiss` values as dismissals of the findings they name: `single-feature:boat` matches the finding
 * `leak:single-feature:boat` (a full ID works too).
 */
function dismissalsFrom(values: readonly string[], findings: readonly Finding[], at: string): { dismissals: Dismissal[]; unknown: string[] } {
  const dismissals: Dismissal[] = [];
  const unknown: string[] = [];
  for (const { key, reason } of dismissFlags(values)) {
    const id = [key, `leak:${key}`, `validate:${key}`].find((k) => findings.some((f) => f.id === k));
    if (!id) unknown.push(key);
    dismissals.push({ findingId: id ?? key, reason, at });
  }
  return { dismissals, unknown };
}

/**
 * Judges the report of the same validation and leakage checks as `check` and the app, run on the contract's split
 * (`ms`: how long they took). With a fail that neither the contract nor `--dismiss` dismissed, writes each to stderr
 * and exits 1; otherwise returns the contract with the dismissals recorded and the findings for `findings.json`.
 */
export function leakageGate(first: ChecksReport, ms: number, contract: DataContract, dismiss: readonly string[], at: string): GateResult {
  const all = [...first.validation, ...first.leakage];
  const { dismissals, unknown } = dismissalsFrom(dismiss, all, at);
  for (const key of unknown) process.stderr.write(`note: --dismiss ${key} matches no finding of this run; it is recorded anyway\n`);
  const ids = new Set(dismissals.map((d) => d.findingId));
  const dismissed = [...contract.dismissed.filter((d) => !ids.has(d.findingId)), ...dismissals];
  const gated = dismissals.length > 0 ? { ...contract, dismissed } : contract;
  const blocking = blockingFindings(all, gated);
  if (blocking.length > 0) {
    for (const f of blocking) {
      process.stderr.write(`FAIL ${f.id}: ${f.message}${f.evidence ? ` Evidence: ${f.evidence}` : ''}${f.suggestion ? ` Fix: ${f.suggestion}` : ''}\n`);
    }
    const example = blocking[0].id.replace(/^(leak|validate):/, '');
    throw new CliError(`${blocking.length} check${blocking.length === 1 ? '' : 's'} failed before training (${blocking.map((f) => f.id).join(', ')}); set the column's role to ignore in the contract, or dismiss with a reason: --dismiss ${example}="why it is fine"`, 1);
  }
  return { contract: gated, findings: recordFindings(all, gated), ms };
}
