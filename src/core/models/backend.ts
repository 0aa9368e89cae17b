import { tf } from './tf.ts';
import { BACKENDS, type ActiveBackend, type BackendName, type BackendPreference } from './backend-name.ts';

function order(preference: BackendPreference): BackendName[] {
  if (preference === 'auto') return [...BACKENDS];
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
 * `skip` names backends the host knows to be a poor choice here, with the reason shown to the user.
 */
export async function activateBackend(preference: BackendPreference, skip: Partial<Record<BackendName, string>> = {}): Promise<ActiveBackend> {
  const notes: string[] = [];
  for (const name of order(preference)) {
    // A host's reason to pass over a backend (e.g. a software WebGPU adapter) applies only when nothing was forced.
    const reason = preference === 'auto' ? skip[name] : undefined;
    if (reason) { notes.push(`${name}: ${reason}`); continue; }
    if (!tf.findBackendFactory(name)) { notes.push(`${name}: not available in this build`); continue; }
    try {
      if ((await tf.setBackend(name)) && (await works())) return { name, notes };
      notes.push(`${name}: failed to initialise`);
    } catch (e) {
      notes.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${notes.join('; ')})`);
}
