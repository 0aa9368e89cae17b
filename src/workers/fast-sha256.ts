import { createSHA256 } from 'hash-wasm';

/** A streaming SHA-256 as `CsvIngest` takes it (`ParseOptions.createHash`). */
export interface StreamingHash {
  update(bytes: Uint8Array): unknown;
  digest(): Uint8Array;
}

/**
 * A factory of WebAssembly SHA-256 hashers (hash-wasm, about 3× the portable one: ~0.7 s instead of ~2 s for a 191 MB
 * file), or undefined where WebAssembly cannot start (a strict content-security policy), so the load falls back to the
 * portable hash. One hasher serves one load at a time: each call of the factory resets it.
 */
export async function fastSha256(): Promise<(() => StreamingHash) | undefined> {
  let hasher;
  try {
    hasher = await createSHA256();
  } catch {
    return undefined;
  }
  const h = hasher;
  return () => {
    h.init();
    return { update: (bytes) => h.update(bytes), digest: () => h.digest('binary') };
  };
}
