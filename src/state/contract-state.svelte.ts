import {
  EMPTY_GATES, editGates, lockGates, type GateSpec,
  blockingFindings, createContract, createDataContract, defaultLabel, defaultPositiveClass, defaultSplit, labelClasses, openFindings, reviseContract,
  toRunContract, type BackendPreference, type ChecksReport, type ColumnProfile, type ColumnRule, type Contract, type DataContract,
  type LabelClass, type LabelTiming, type Role, type RoleSuggestion, type Snapshot, type SplitConfig,
} from '../core/index.ts';
import { byColumn, DEFAULT_SEED, errorText } from '../core/index.ts';
import { ChecksClient } from './checks-client.ts';
import { loadContract, saveContract } from './contract-store.ts';

const sameTokens = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * The data contract for the current snapshot, its profile and its checks. Every edit makes a new revision, saves it
 * in IndexedDB under the snapshot ID and re-runs validation and leakage checks in the checks worker.
 */
export class ContractState {
  #snapshot = $state.raw<Snapshot | null>(null);
  #contract = $state.raw<DataContract | null>(null);
  #profiles = $state.raw<readonly ColumnProfile[]>([]);
  #suggestions = $state.raw<readonly RoleSuggestion[]>([]);
  #report = $state.raw<ChecksReport | null>(null);
  #checking = $state(false);
  #restored = $state(false);
  #storeError = $state<string | null>(null);
  #conflict = $state<string | null>(null);
  /** Bumped when another tab's revision replaces ours; saves queued before that are dropped, never written. */
  #generation = 0;
  #saving: Promise<void> = Promise.resolve();
  readonly #checks = new ChecksClient();
  #checkRun = 0;
  seed = $state(DEFAULT_SEED);
  backend = $state<BackendPreference>('auto');

  constructor(backend: BackendPreference) {
    this.backend = backend;
  }

  get contract(): DataContract | null { return this.#contract; }

  /** A port through which the parse worker delivers snapshots straight to the checks worker. */
  checksPort(): MessagePort {
    return this.#checks.port();
  }
  get profiles(): readonly ColumnProfile[] { return this.#profiles; }
  get report(): ChecksReport | null { return this.#report; }
  get checking(): boolean { return this.#checking; }
  /** True when the contract on screen came back from IndexedDB. */
  get restored(): boolean { return this.#restored; }
  get storeError(): string | null { return this.#storeError; }
  /** Set when another tab saved a newer revision: this tab reloaded it and dropped its own unsaved edit. */
  get conflict(): string | null { return this.#conflict; }

  /** Suggestions whose role differs from the column's current role, with their reasons. */
  get suggestions(): readonly RoleSuggestion[] {
    return this.#suggestions;
  }

  /**
   * Adopts a snapshot parsed with `tokens` as missing values: profiles it, restores its stored contract or drafts one
   * from the suggestions, then checks it. Returns the stored contract's tokens when they differ, so the caller can
   * re-parse the file the way the contract says.
   */
  async adopt(snapshot: Snapshot | null, tokens: readonly string[]): Promise<readonly string[] | null> {
    if (snapshot === this.#snapshot) return null;
    this.#snapshot = snapshot;
    this.#contract = null;
    this.#conflict = null;
    this.#report = null;
    this.#profiles = [];
    this.#suggestions = [];
    if (!snapshot) return null;
    const facts = await this.#checks.load(snapshot);
    if (this.#snapshot !== snapshot) return null;
    this.#profiles = facts.profiles;
    this.#suggestions = facts.suggestions;
    // This tab's own queued saves land first, so a re-parse never reads back an older revision of its own contract.
    await this.#saving;
    const stored = await loadContract(snapshot.id);
    if (this.#snapshot !== snapshot) return null;
    this.#restored = stored !== null;
    if (stored) {
      this.#contract = stored;
      void this.#check();
      return sameTokens(stored.missingTokens, tokens) ? null : stored.missingTokens;
    }
    // No label-like name: no label until the person picks one (the Contract step asks; nothing downstream runs).
    const label = defaultLabel(snapshot.columns) ?? '';
    const column = snapshot.columns.find((c) => c.name === label);
    const positive = column ? (defaultPositiveClass(labelClasses(column)) ?? '') : '';
    this.#commit({ ...createDataContract(snapshot, label, positive, facts.suggestions, facts.rules), missingTokens: [...tokens] });
    return null;
  }

  setMissingTokens(missingTokens: readonly string[]): void {
    if (this.#contract) this.#commit(reviseContract(this.#contract, { missingTokens }));
  }

  readonly classes: LabelClass[] = $derived.by(() => {
    const column = this.#snapshot?.columns.find((c) => c.name === this.#contract?.label);
    return column ? labelClasses(column) : [];
  });

  setLabel(label: string): void {
    const c = this.#contract;
    if (!c || !this.#snapshot) return;
    const roles: Record<string, Role> = byColumn(c.roles);
    // The old label goes back to being a feature; the new one leaves whatever role it had.
    if (roles[c.label] === 'label') roles[c.label] = 'feature';
    roles[label] = 'label';
    const column = this.#snapshot.columns.find((x) => x.name === label);
    const positiveClass = column ? (defaultPositiveClass(labelClasses(column)) ?? '') : '';
    this.#commit(withoutOutcomeNames(reviseContract(c, { label, positiveClass, roles })));
  }

  setPositiveClass(positiveClass: string): void {
    if (this.#contract) this.#commit(withoutOutcomeNames(reviseContract(this.#contract, { positiveClass })));
  }

  /** Renames the two outcomes (the matrix, readings, error list and report use the words); two empty words clear them. */
  setOutcomeNames(positive: string, negative: string): void {
    const c = this.#contract;
    if (!c) return;
    const names = { positive: positive.trim(), negative: negative.trim() };
    if (names.positive === (c.outcomeNames?.positive ?? '') && names.negative === (c.outcomeNames?.negative ?? '')) return;
    this.#commit(names.positive === '' && names.negative === '' ? withoutOutcomeNames(reviseContract(c, {})) : reviseContract(c, { outcomeNames: names }));
  }

  setRole(column: string, role: Role): void {
    const c = this.#contract;
    if (!c || (c.label !== '' && column === c.label) || role === 'label') return;
    const roles = byColumn<Role>(c.roles, { [column]: role });
    // A new event time makes a time split the sensible default; losing it makes a time split on it impossible.
    const split = role === 'event_time' || (c.split.policy !== 'stratified-random' && c.split.column === column)
      ? (this.#snapshot ? defaultSplit(this.#snapshot, roles) : c.split) : c.split;
    this.#commit(reviseContract(c, { roles, split }));
  }

  /** Keeps a column's category values out of the bundle (salted SHA-256 digests instead), or lets them back in. */
  setHashed(column: string, on: boolean): void {
    const c = this.#contract;
    if (!c) return;
    const others = (c.hashedColumns ?? []).filter((name) => name !== column);
    this.#commit(reviseContract(c, { hashedColumns: on ? [...others, column] : others }));
  }

  setSplit(split: SplitConfig): void {
    if (this.#contract) this.#commit(reviseContract(this.#contract, { split }));
  }

  setLabelTiming(labelTiming: LabelTiming | null): void {
    if (this.#contract) this.#commit(reviseContract(this.#contract, { labelTiming }));
  }

  setRule(column: string, rule: ColumnRule): void {
    if (this.#contract) this.#commit(reviseContract(this.#contract, { rules: byColumn<ColumnRule>(this.#contract.rules, { [column]: rule }) }));
  }

  dismiss(findingId: string, reason: string): void {
    const c = this.#contract;
    if (!c || !reason.trim()) return;
    const dismissed = [...c.dismissed.filter((d) => d.findingId !== findingId), { findingId, reason: reason.trim(), at: new Date().toISOString() }];
    this.#commit(reviseContract(c, { dismissed }));
  }

  undismiss(findingId: string): void {
    const c = this.#contract;
    if (c) this.#commit(reviseContract(c, { dismissed: c.dismissed.filter((d) => d.findingId !== findingId) }));
  }

  /** Warn and fail findings (validation and leakage) that no dismissal covers: the step needs attention while any is open. */
  get open(): number {
    const c = this.#contract;
    const r = this.#report;
    return c && r ? openFindings([...r.validation, ...r.leakage], c).length : 0;
  }

  /** Confirms strong signals are known at prediction time: dismissals with a fixed reason, one revision, no typing. */
  confirmKnown(findingIds: readonly string[]): void {
    const c = this.#contract;
    if (!c || findingIds.length === 0) return;
    const at = new Date().toISOString();
    const ids = new Set(findingIds);
    const added = findingIds.map((findingId) => ({ findingId, reason: 'Confirmed: known at prediction time (strong signal).', at }));
    this.#commit(reviseContract(c, { dismissed: [...c.dismissed.filter((d) => !ids.has(d.findingId)), ...added] }));
  }

  /** Replaces the promotion gates; once locked, `reason` is required and the edit goes into the change log. Returns an error line or null. */
  setGates(spec: GateSpec, reason = ''): string | null {
    const c = this.#contract;
    if (!c) return 'No contract yet.';
    const before = c.gates ?? EMPTY_GATES;
    try {
      const gates = editGates(before, spec, new Date().toISOString(), reason);
      if (gates !== before) this.#commit(reviseContract(c, { gates }));
      return null;
    } catch (e) {
      return errorText(e);
    }
  }

  /** Locks declared gates as a run starts (once); returns the contract that run is trained under. */
  lockGatesForRun(): DataContract | null {
    const c = this.#contract;
    if (!c?.gates || c.gates.lockedAt !== null || c.gates.spec.gates.length === 0) return c;
    const locked = reviseContract(c, { gates: lockGates(c.gates, new Date().toISOString()) });
    this.#commit(locked);
    return locked;
  }

  /** Findings with status fail that are not dismissed: validation ones block training. */
  get blocking(): { validation: number; leakage: string[] } {
    const c = this.#contract;
    const r = this.#report;
    if (!c || !r) return { validation: 0, leakage: [] };
    return {
      validation: blockingFindings(r.validation, c).length,
      leakage: blockingFindings(r.leakage, c).map((f) => f.column ?? f.id),
    };
  }

  /** Why training cannot start yet, or null when it can. */
  get problem(): string | null {
    const c = this.#contract;
    if (!this.#snapshot) return 'Load a CSV first.';
    if (!c) return 'Profiling the snapshot…';
    if (c.label === '') return 'Choose the label column: no column is named like a label (label, target, class, outcome, churn, …), so none was picked.';
    if (this.classes.length < 2) return `The label "${c.label}" has ${this.classes.length} distinct value${this.classes.length === 1 ? '' : 's'}; it needs at least two classes.`;
    if (!Object.values(c.roles).includes('feature')) return 'Give at least one column the role "feature".';
    if (!Number.isInteger(this.seed) || this.seed < 0 || this.seed > 0xffffffff) return 'The seed must be a whole number from 0 to 4294967295.';
    if (this.#report?.splitError) return `The split cannot be made: ${this.#report.splitError}`;
    if (this.#report?.split?.blocking[0]) return this.#report.split.blocking[0];
    if (this.blocking.validation > 0) return `${this.blocking.validation} validation check${this.blocking.validation === 1 ? '' : 's'} failed; fix the contract or dismiss them with a reason.`;
    const leaks = this.blocking.leakage;
    if (leaks.length > 0) return `Leakage check failed for ${leaks.map((l) => `"${l}"`).join(', ')}: set the role to ignore, or dismiss the finding with a reason, before training.`;
    return null;
  }

  runContract(): Contract {
    if (!this.#contract) throw new Error('No contract yet.');
    const run = toRunContract(this.#contract);
    return createContract(run.label, run.positiveClass, run.features, run.hashedFeatures);
  }

  #commit(next: DataContract): void {
    this.#contract = next;
    this.#conflict = null;
    const generation = this.#generation;
    // Saves run one after another, so a refused one stops every later edit that was built on it.
    this.#saving = this.#saving.then(async () => {
      if (generation !== this.#generation) return;
      const saved = await saveContract(next);
      if (saved.kind === 'stale') this.#reloadNewer(next, saved.newer);
      else this.#storeError = saved.kind === 'failed' ? saved.message : null;
    });
    void this.#check();
  }

  #reloadNewer(mine: DataContract, newer: DataContract): void {
    this.#generation++;
    if (this.#contract?.snapshotId !== newer.snapshotId) return;
    this.#contract = newer;
    this.#conflict = `Another tab saved revision ${newer.revision} of this contract while this tab was at revision ${mine.revision - 1}. ` +
      'This tab has reloaded that revision instead of overwriting it; your last change was not saved, so make it again if you still want it.';
    void this.#check();
  }

  async #check(): Promise<void> {
    const contract = this.#contract;
    if (!contract) return;
    const run = ++this.#checkRun;
    // Nothing downstream runs until the person has named the label.
    if (contract.label === '') {
      this.#report = null;
      this.#checking = false;
      return;
    }
    this.#checking = true;
    try {
      const report = await this.#checks.run(contract, this.seed);
      if (run === this.#checkRun) this.#report = report;
    } catch (e) {
      if (run === this.#checkRun) this.#report = { validation: [], leakage: [], split: null, splitError: errorText(e), droppedMissingTime: 0 };
    } finally {
      if (run === this.#checkRun) this.#checking = false;
    }
  }

  /** Re-runs the checks, e.g. after the seed changed (the random split and out-of-fold folds depend on it). */
  recheck(): void {
    void this.#check();
  }
}

// Words for the outcomes belong to one label and positive class: choosing another drops them (absent, not empty).
function withoutOutcomeNames(contract: DataContract): DataContract {
  const { outcomeNames: _dropped, ...rest } = contract;
  return rest;
}
