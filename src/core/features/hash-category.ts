import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The salted SHA-256 a category is stored as when its column keeps values out of the bundle: hex of
 * sha256(salt + "\u0000" + key), 64 lower-case hex characters. `key` is the `categoryKey` spelling, so fit and
 * transform hash the same string. The NUL keeps salt and value apart ("ab"+"c" never meets "a"+"bc").
 */
export function hashCategory(salt: string, key: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${salt}\u0000${key}`)));
}

/**
 * The salt of one column in one snapshot (32 hex characters), derived rather than random so that the same data and
 * settings give a byte-identical bundle. It is stored in `preprocessing.json`, so scoring can hash new values alike.
 */
export function categorySalt(snapshotId: string, column: string): string {
  return hashCategory(`mle-playground-salt:${snapshotId}`, column).slice(0, 32);
}
