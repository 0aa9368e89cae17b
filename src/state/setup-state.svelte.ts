import { createContract, createRunConfig, defaultPositiveClass, labelClasses, type BackendPreference, type Contract, type LabelClass, type RunConfig, type Snapshot } from '../core/index.ts';

const DEFAULT_FRACTIONS = [0.6, 0.2, 0.2] as const;
const LABEL_NAMES = /^(target|label|class|y|outcome|survived|churn|default)$/i;

/** Label, positive class, features, seed and backend for the current snapshot. Resets when a new snapshot arrives. */
export class SetupState {
  #snapshot = $state.raw<Snapshot | null>(null);
  label = $state('');
  positiveClass = $state('');
  excluded = $state<string[]>([]);
  seed = $state(42);
  backend = $state<BackendPreference>('auto');

  constructor(backend: BackendPreference) {
    this.backend = backend;
  }

  /** Adopts a snapshot: guesses the label by name (else the last column) and its default positive class. */
  adopt(snapshot: Snapshot | null): void {
    if (snapshot === this.#snapshot) return;
    this.#snapshot = snapshot;
    if (!snapshot) return;
    const names = snapshot.columns.map((c) => c.name);
    this.excluded = [];
    this.chooseLabel(names.find((n) => LABEL_NAMES.test(n)) ?? names[names.length - 1]);
  }

  chooseLabel(label: string): void {
    this.label = label;
    this.positiveClass = defaultPositiveClass(this.classes) ?? '';
  }

  /** Label values with counts; one pass over the label column, recomputed only when the label or snapshot changes. */
  readonly classes: LabelClass[] = $derived.by(() => {
    const column = this.#snapshot?.columns.find((c) => c.name === this.label);
    return column ? labelClasses(column) : [];
  });

  /** Non-blocking concerns about the split, e.g. a class too small to reach the test split. */
  get warnings(): string[] {
    const [fTrain, fVal] = DEFAULT_FRACTIONS;
    const total = this.classes.reduce((s, c) => s + c.count, 0);
    const positives = this.classes.find((c) => c.value === this.positiveClass)?.count ?? 0;
    const groups = [[`positive ("${this.positiveClass}")`, positives], ['negative', total - positives]] as const;
    return groups
      .filter(([, n]) => n > 0 && n - Math.round(n * fTrain) - Math.round(n * fVal) < 1)
      .map(([name, n]) => `Only ${n} ${name} row${n === 1 ? '' : 's'}: the stratified test split gets none, so test metrics that need that class will be undefined.`);
  }

  get candidateFeatures(): string[] {
    return this.#snapshot ? this.#snapshot.columns.map((c) => c.name).filter((n) => n !== this.label) : [];
  }

  get features(): string[] {
    return this.candidateFeatures.filter((n) => !this.excluded.includes(n));
  }

  toggleFeature(name: string, included: boolean): void {
    this.excluded = included ? this.excluded.filter((n) => n !== name) : [...this.excluded, name];
  }

  /** Why training cannot start yet, or null when it can. */
  get problem(): string | null {
    if (!this.#snapshot) return 'Load a CSV first.';
    if (!this.label) return 'Choose a label column.';
    if (this.classes.length < 2) return `The label "${this.label}" has ${this.classes.length} distinct value${this.classes.length === 1 ? '' : 's'}; it needs at least two classes.`;
    if (this.features.length === 0) return 'Tick at least one feature.';
    if (!Number.isInteger(this.seed) || this.seed < 0 || this.seed > 0xffffffff) return 'The seed must be a whole number from 0 to 4294967295.';
    return null;
  }

  contract(): Contract {
    return createContract(this.label, this.positiveClass, this.features);
  }

  config(): RunConfig {
    return createRunConfig(this.seed, this.backend);
  }
}
