import { tf } from './tf.ts';
import { BACKENDS, type ActiveBackend, type BackendName, type BackendPreference } from './backend-name.ts';
import { errorText } from '../error-text.ts';

function order(preference: BackendPreference, autoFirst?: BackendName): BackendName[] {
  if (preference === 'auto') return autoFirst ? [autoFirst, ...BACKENDS.filter((b) => b !== autoFirst)] : [...BACKENDS];
  return [preference, ...BACKENDS.filter((b) => b !== preference)];
}

// setBackend can succeed on a backend whose device then returns nothing; a real round trip proves it works.
async function works(): Promise<boolean> {
  const t = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.scalar(1)));
  try {
    const values = await t.data();
    return values[0] === 2 && values[1] === 3;
  } finally {
    t.dispose();
  }
}

/**
 * Activates the first backend in preference order that registers, initialises and computes correctly.
 * `skip` names backends the host knows to be a poor choice here, with the reason shown to the user; in automatic mode
 * `autoFirst` (e.g. the winner of a calibration, explained by `autoNote`) is tried before the default order.
 * `exclude` names backends that must not run at all, even when forced (one whose device was lost mid-run).
 */
export async function activateBackend(
  preference: BackendPreference,
  skip: Partial<Record<BackendName, string>> = {},
  autoFirst?: BackendName,
  autoNote?: string,
  exclude: Partial<Record<BackendName, string>> = {},
): Promise<ActiveBackend> {
  const auto = preference === 'auto';
  // A host's reasons to pass over a backend (e.g. a software WebGPU adapter) apply only when nothing was forced, and
  // are reported even when the winner comes first, so the user always learns why WebGPU was not used.
  const notes: string[] = [
    ...Object.entries(exclude).map(([name, reason]) => `${name}: ${reason}`),
    ...(auto ? [...Object.entries(skip).filter(([name]) => !exclude[name as BackendName]).map(([name, reason]) => `${name}: ${reason}`), ...(autoNote ? [autoNote] : [])] : []),
  ];
  for (const name of order(preference, autoFirst)) {
    if (exclude[name] || (auto && skip[name])) continue;
    if (!tf.findBackendFactory(name)) { notes.push(`${name}: not available in this build`); continue; }
    try {
      if ((await tf.setBackend(name)) && (await works())) return { name, notes };
      notes.push(`${name}: failed to initialise`);
    } catch (e) {
      notes.push(`${name}: ${errorText(e)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${notes.join('; ')})`);
}
