import { createContract, createRunConfig, defaultPositiveClass, labelClasses, type BackendPreference, type Contract, type LabelClass, type RunConfig, type Snapshot } from '../core/index.ts';

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

  get classes(): LabelClass[] {
    const column = this.#snapshot?.columns.find((c) => c.name === this.label);
    return column ? labelClasses(column) : [];
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
