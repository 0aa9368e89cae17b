import { readBundle } from '../bundle/read-bundle.ts';
import { errorText } from '../error-text.ts';

/** Files a scorer reads from a bundle; the others are verified with the rest but not handed on. */
export const SCORING_FILES: readonly string[] = [
  'manifest.json', 'preprocessing.json', 'inference-contract.json', 'reference-profile.json', 'model/model.json', 'model/weights.bin',
];

/**
 * Opens a bundle zip for scoring through the hardened reader (path checks, size and expansion caps, every hash
 * against the manifest), then hands on path → bytes of the scoring files. Throws a one-line message naming the file.
 */
export async function unzipBundle(bytes: Uint8Array, fileName: string): Promise<Record<string, Uint8Array>> {
  try {
    const opened = await readBundle(bytes);
    return Object.fromEntries([...opened.files].filter(([path]) => SCORING_FILES.includes(path)));
  } catch (e) {
    throw new Error(`${fileName} is not a readable bundle zip (${errorText(e)})`);
  }
}
