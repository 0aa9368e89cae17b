/** Why a bundle was refused; one kind per class of hostile or broken zip. */
export type BundleRefusal =
  | 'not-a-zip'
  | 'damaged'
  | 'unsafe-path'
  | 'symlink'
  | 'duplicate-name'
  | 'reserved-name'
  | 'size-mismatch'
  | 'too-large'
  | 'zip-bomb'
  | 'unknown-file'
  | 'missing-file'
  | 'hash-mismatch'
  | 'unknown-format'
  | 'schema'
  | 'inconsistent';

/** A refused bundle: `kind` for code, a one-line `message` for people, and the zip entry at fault when there is one. */
export class BundleError extends Error {
  constructor(readonly kind: BundleRefusal, message: string, readonly entry: string | null = null) {
    super(message);
    this.name = 'BundleError';
  }
}
