import { attempt, STORES } from '../storage/app-db.ts';

const KEY = 'current';

/** Keeps the loaded file in IndexedDB so a reload brings the workspace back without asking for it again. */
export function saveCurrentFile(file: File): Promise<void> {
  return attempt(async (d) => { await d.put(STORES.files, { name: file.name, type: file.type, blob: file }, KEY); }, undefined);
}

/** The file loaded before the last reload, if one was kept. */
export function loadCurrentFile(): Promise<File | null> {
  return attempt(async (d) => {
    const stored = (await d.get(STORES.files, KEY)) as { name: string; type: string; blob: Blob } | undefined;
    return stored ? new File([stored.blob], stored.name, { type: stored.type }) : null;
  }, null);
}
