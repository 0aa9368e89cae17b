import type { GateEvidence } from './gate-evidence.ts';
import type { GateChange, GateSpec } from '../contract/gate-spec.ts';
import type { GateReport } from './evaluate-gates.ts';

/** `gates.json` in a bundle: the spec judged, when it locked, its change log, the evidence and every verdict. */
export interface GatesFile {
  readonly format: 1;
  readonly spec: GateSpec;
  readonly locked_at: string | null;
  readonly changes: readonly GateChange[];
  readonly evidence: GateEvidence;
  readonly verdicts: GateReport['verdicts'];
  readonly promotable: boolean;
  readonly failed: readonly string[];
}

/** Assembles `gates.json` from a spec's report and the evidence it was judged on. */
export function gatesFile(spec: GateSpec, report: GateReport, evidence: GateEvidence, lock: { readonly lockedAt: string | null; readonly changes: readonly GateChange[] } = { lockedAt: null, changes: [] }): GatesFile {
  return { format: 1, spec, locked_at: lock.lockedAt, changes: lock.changes, evidence, verdicts: report.verdicts, promotable: report.promotable, failed: report.failed };
}
