/** Backends the app knows how to run on, in the default (fastest-first) order. Kept tfjs-free so the page can import it. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** `'auto'` tries the default order; a named backend is forced (and still falls back if it cannot start). */
export type BackendPreference = BackendName | 'auto';

export function isBackendPreference(value: string | null | undefined): value is BackendPreference {
  return value === 'auto' || (BACKENDS as readonly string[]).includes(value ?? '');
}

/** The backend that actually runs, and what happened to the ones tried before it. */
export interface ActiveBackend {
  readonly name: BackendName;
  readonly notes: readonly string[];
}
