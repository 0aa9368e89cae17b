/** The files of a format 1 bundle, exactly; a format 1 bundle holds these and nothing else. */
export const FORMAT_1_FILES = [
  'manifest.json', 'model/model.json', 'model/weights.bin', 'preprocessing.json', 'contract.json', 'config.json',
  'metrics.json', 'compact.md', 'compact.json',
] as const;

/** The files every format 2 bundle holds: format 1's plus the report, the model card and the environment. */
export const FORMAT_2_FILES = [...FORMAT_1_FILES, 'report.html', 'model-card.md', 'environment.json'] as const;

/**
 * Files a format 2 bundle may hold, by name. The reader hashes each against the manifest and parses each `.json` one
 * (refusing `__proto__` keys); nothing is ever run, `score.py` included. A new optional file is one line here; any
 * name not in these lists is refused.
 */
export const FORMAT_2_OPTIONAL_FILES = [
  'parity.json', 'findings.json', 'gates.json', 'inference-contract.json', 'reference-profile.json', 'score.py',
  'ledger.json', 'ledger.md',
] as const;

/** Folder entries a re-zipped bundle may carry (`zip -r` adds them); they hold no data. */
export const BUNDLE_FOLDERS: ReadonlySet<string> = new Set(['model/']);

export type BundleFilePath = (typeof FORMAT_2_FILES)[number] | (typeof FORMAT_2_OPTIONAL_FILES)[number];

/** The required and the allowed-optional files of one format version. */
export function bundleFileSet(format: 1 | 2): { readonly required: readonly BundleFilePath[]; readonly optional: readonly BundleFilePath[] } {
  return format === 1 ? { required: FORMAT_1_FILES, optional: [] } : { required: FORMAT_2_FILES, optional: FORMAT_2_OPTIONAL_FILES };
}
