import type { RunConfig } from '../core/index.ts';

/** A run that was training when its page went away (reload, closed tab): what it was, never its weights. */
export interface InterruptedRun {
  readonly id: string;
  readonly snapshotId: string;
  /** ISO 8601 start time. */
  readonly startedAt: string;
  readonly config: RunConfig;
}

/** The in-flight marker lives per tab (sessionStorage survives a reload of that tab, and no other tab sees it). */
const IN_FLIGHT_KEY = 'mle-playground:run-in-flight';
/** Interrupted runs are kept per origin, like the saved runs, until deleted or the workspace is cleared. */
const INTERRUPTED_KEY = 'mle-playground:interrupted-runs';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Storage can be refused (private windows, quotas); the app must work without it, it only forgets more.
function read<T>(store: Store, key: string): T | null {
  try {
    const text = store.getItem(key);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

function write(store: Store, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // See read.
  }
}

/** Records that this tab is training `run`; cleared by `clearInFlight` when the run ends in any way. */
export function markInFlight(run: InterruptedRun, session: Store = sessionStorage): void {
  write(session, IN_FLIGHT_KEY, run);
}

export function clearInFlight(session: Store = sessionStorage): void {
  try {
    session.removeItem(IN_FLIGHT_KEY);
  } catch {
    // See read.
  }
}

/**
 * On page load: a marker still present means the page went away mid-run. Moves it into the interrupted list and
 * returns it (so its settings can be restored), or returns null.
 */
export function takeInterrupted(session: Store = sessionStorage, local: Store = localStorage): InterruptedRun | null {
  const run = read<InterruptedRun>(session, IN_FLIGHT_KEY);
  if (!run) return null;
  clearInFlight(session);
  const list = read<InterruptedRun[]>(local, INTERRUPTED_KEY) ?? [];
  write(local, INTERRUPTED_KEY, [...list.filter((r) => r.id !== run.id), run]);
  return run;
}

/** Interrupted runs of one snapshot, oldest first. */
export function loadInterrupted(snapshotId: string, local: Store = localStorage): InterruptedRun[] {
  return (read<InterruptedRun[]>(local, INTERRUPTED_KEY) ?? []).filter((r) => r.snapshotId === snapshotId);
}

export function deleteInterrupted(id: string, local: Store = localStorage): void {
  write(local, INTERRUPTED_KEY, (read<InterruptedRun[]>(local, INTERRUPTED_KEY) ?? []).filter((r) => r.id !== id));
}

/** Forgets every interrupted run (Clear workspace). */
export function clearInterrupted(local: Store = localStorage): void {
  try {
    local.removeItem(INTERRUPTED_KEY);
  } catch {
    // See read.
  }
}
