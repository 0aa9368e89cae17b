import { BundleError } from './bundle-error.ts';
import type { ZipEntry } from './zip-directory.ts';

/** Caps on what a bundle may expand to; sizes in bytes. */
export interface BundleLimits {
  /** Most entries in the zip. */
  readonly maxEntries: number;
  /** Largest declared uncompressed size of one entry. */
  readonly maxEntryBytes: number;
  /** Largest declared uncompressed size of all entries together. */
  readonly maxTotalBytes: number;
  /** Most uncompressed bytes per byte of zip, once the total passes `ratioFloorBytes`. */
  readonly maxExpansionRatio: number;
  /** Below this total a high ratio is harmless (a prior model's all-zero weights compress 1000:1). */
  readonly ratioFloorBytes: number;
}

/**
 * Default caps: weights of up to 64M float32 parameters per file. The sample bundles are tens of kB; only an MLP of
 * several 4096-unit layers would need larger caps.
 */
export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 64,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxExpansionRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

// Names that are object keys with side effects in JavaScript; a reader that stores entries by name must never see them.
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const UNIX_HOSTS = new Set([3, 19]);
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** Refuses a name that could land outside the folder it is extracted to, or that a host reads as something else. */
export function checkEntryName(name: string): void {
  const refuse = (why: string) => { throw new BundleError('unsafe-path', `entry "${name}" ${why}`, name); };
  if (name === '') refuse('has an empty name');
  if (/[\u0000-\u001f\u007f]/.test(name)) refuse('has a control character in its name');
  if (name.includes('\\')) refuse('uses a backslash, which Windows reads as a folder separator');
  if (name.startsWith('/')) refuse('is an absolute path');
  if (/^[A-Za-z]:/.test(name)) refuse('starts with a drive letter');
  const parts = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (parts.includes('..')) refuse('climbs out of the bundle with ".."');
  if (parts.some((p) => p === '' || p === '.')) refuse('has an empty or "." path segment');
  const reserved = parts.find((p) => RESERVED.has(p));
  if (reserved) throw new BundleError('reserved-name', `entry "${name}" uses the reserved name "${reserved}"`, name);
}

/** Refuses symbolic links and other non-regular files, read from the Unix mode in the external attributes. */
export function checkEntryType(entry: ZipEntry): void {
  if (!UNIX_HOSTS.has(entry.hostSystem)) return;
  const type = (entry.externalAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK) throw new BundleError('symlink', `entry "${entry.name}" is a symbolic link`, entry.name);
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    throw new BundleError('symlink', `entry "${entry.name}" is a device, pipe or socket, not a file`, entry.name);
  }
}

/**
 * Every check that needs only the central directory, in order: names, types, duplicates (also those that differ
 * only in case or Unicode form, which collide on macOS and Windows), then the size caps and the expansion ratio.
 */
export function checkEntries(entries: readonly ZipEntry[], zipBytes: number, limits: BundleLimits): void {
  const seen = new Map<string, string>();
  let total = 0;
  for (const entry of entries) {
    checkEntryName(entry.name);
    checkEntryType(entry);
    const key = entry.name.normalize('NFC').toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new BundleError('duplicate-name', earlier === entry.name ? `entry "${entry.name}" appears twice` : `entries "${earlier}" and "${entry.name}" differ only in case or Unicode form`, entry.name);
    }
    seen.set(key, entry.name);
    if (entry.size > limits.maxEntryBytes) {
      throw new BundleError('too-large', `entry "${entry.name}" declares ${entry.size} bytes, over the cap of ${limits.maxEntryBytes}`, entry.name);
    }
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) throw new BundleError('too-large', `the entries declare ${total} bytes in all, over the cap of ${limits.maxTotalBytes}`);
  if (total > limits.ratioFloorBytes && total > limits.maxExpansionRatio * zipBytes) {
    throw new BundleError('zip-bomb', `the entries would expand ${zipBytes} bytes of zip to ${total} bytes (${(total / zipBytes).toFixed(0)}×, over the cap of ${limits.maxExpansionRatio}×)`);
  }
}
