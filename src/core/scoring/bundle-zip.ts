import { unzipSync } from 'fflate';
import { errorText } from '../error-text.ts';

/** Files a scorer reads from a bundle; anything else in the zip is not decompressed. */
export const SCORING_FILES: readonly string[] = [
  'manifest.json', 'preprocessing.json', 'inference-contract.json', 'reference-profile.json', 'model/model.json', 'model/weights.bin',
];

/**
 * The scorer's one zip read, kept in this function alone so the hardened bundle reader can replace it: path → bytes of
 * the scoring files present in the zip. Throws a one-line message when the bytes are not a zip.
 */
export function unzipBundle(bytes: Uint8Array, fileName: string): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (entry) => SCORING_FILES.includes(entry.name) });
  } catch (e) {
    throw new Error(`${fileName} is not a readable bundle zip (${errorText(e)})`);
  }
}
