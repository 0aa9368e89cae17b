import { openAppDb, STORES } from './db.ts';

const KEY = 'current';

/** Keeps the loaded file in IndexedDB so a reload brings the workspace back without asking for it again. */
export async function saveCurrentFile(file: File): Promise<void> {
  try {
    await (await openAppDb()).put(STORES.files, { name: file.name, type: file.type, blob: file }, KEY);
  } catch {
    // Storage may be full or refused; the app still works, it just asks for the file again after a reload.
  }
}

/** The file loaded before the last reload, if one was kept. */
export async function loadCurrentFile(): Promise<File | null> {
  try {
    const stored = (await (await openAppDb()).get(STORES.files, KEY)) as { name: string; type: string; blob: Blob } | undefined;
    return stored ? new File([stored.blob], stored.name, { type: stored.type }) : null;
  } catch {
    return null;
  }
}

export async function clearCurrentFile(): Promise<void> {
  try {
    await (await openAppDb()).delete(STORES.files, KEY);
  } catch {
    // See clearContracts.
  }
}
