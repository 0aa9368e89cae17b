/**
 * Unsaved text and choices of forms, by a key per form: a step's components unmount when another step is shown, and
 * a half-typed dismissal reason or gate must be there again on return. Read once when a form mounts.
 */
export class Drafts {
  readonly #values = new Map<string, unknown>();

  /** The draft stored under `key`, or `fallback` when none is. */
  get<T>(key: string, fallback: T): T {
    return this.#values.has(key) ? (this.#values.get(key) as T) : fallback;
  }

  set(key: string, value: unknown): void {
    this.#values.set(key, value);
  }
}
