import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';

/** An unzipped bundle: file bytes by path, and a JSON reader. */
export interface OpenedBundle {
  readonly files: Record<string, Uint8Array>;
  json<T>(path: string): T;
}

export function openBundle(zip: Uint8Array): OpenedBundle {
  const files = unzipSync(zip);
  return {
    files,
    json<T>(path: string): T {
      const bytes = files[path];
      if (!bytes) throw new Error(`${path} is not in the bundle (has: ${Object.keys(files).join(', ')})`);
      return JSON.parse(strFromU8(bytes)) as T;
    },
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
