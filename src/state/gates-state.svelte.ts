import { gateFindings, gatedRun, judgeRun, type GatedRun, type GatesFile, type RunRecord, type Snapshot, type TrainOutcome, type ChecksReport, type DataContract } from '../core/index.ts';

/** What the gate verdict reads from the rest of the app; getters, so the verdict follows them. */
export interface GateSources {
  contract(): DataContract | null;
  checks(): ChecksReport | null;
  outcome(): TrainOutcome | null;
  selected(): RunRecord | null;
  runs(): readonly RunRecord[];
  threshold(): number;
  snapshot(): Snapshot | null;
}

/**
 * The promotion-gate verdict of the run on screen, judged against the contract's current gates (so a recorded
 * relaxation applies without retraining). The baseline is the earliest other run of the snapshot; findings are the
 * current checks with the contract's dismissals. Null when no gate is declared.
 */
export class GatesState {
  readonly #from: GateSources;
  /** The champion bundle scored on a snapshot's test rows (set by "Set as champion"); judged only on that snapshot. */
  champion = $state.raw<{ readonly snapshotId: string; readonly run: GatedRun } | null>(null);

  constructor(from: GateSources) {
    this.#from = from;
  }

  readonly file: GatesFile | null = $derived.by(() => {
    const contract = this.#from.contract();
    const outcome = this.#from.outcome();
    const spec = contract?.gates?.spec;
    if (!contract || !outcome || !spec || spec.gates.length === 0) return null;
    const checks = this.#from.checks();
    const selected = this.#from.selected();
    const other = this.#from.runs().find((r) => r.id !== selected?.id && r.outcome.snapshotId === outcome.snapshotId && r.outcome.status === 'completed') ?? null;
    const threshold = this.#from.threshold();
    return judgeRun(outcome, threshold, outcome.config.model, {
      spec, dataContract: contract, snapshot: this.#from.snapshot(),
      findings: checks ? gateFindings(checks, contract.dismissed) : null,
      baseline: other ? gatedRun(other.outcome, threshold, `${other.outcome.config.model} (${other.id})`) : null,
      baselineNote: 'train another run of this snapshot first; the earliest other run is the baseline',
      champion: this.champion?.snapshotId === outcome.snapshotId ? this.champion.run : null,
      seed: outcome.config.seed,
    });
  });
}
