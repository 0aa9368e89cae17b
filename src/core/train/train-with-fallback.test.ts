import { describe, expect, test } from 'vitest';
import { createContract, createRunConfig, type Snapshot } from '../index.ts';
import type { BackendName } from '../models/backend-name.ts';
import type { TrainHooks } from './train-baseline.ts';
import type { TrainOutcome } from './train-outcome.ts';
import { BackendLostError, trainWithFallback } from './train-with-fallback.ts';

const snapshot = { id: 'x', rowCount: 0, columns: [] } as unknown as Snapshot;
const contract = createContract('y', '1', ['x']);
const config = createRunConfig({ seed: 1, backend: 'webgpu' });

// A stand-in for trainBaseline that "runs" on the first backend not excluded and fails the way the script says.
function scripted(failures: Partial<Record<BackendName, () => Error>>) {
  const calls: Partial<Record<BackendName, string>>[] = [];
  const attempt = async (_s: Snapshot, _c: typeof contract, _cfg: typeof config, hooks: TrainHooks = {}): Promise<TrainOutcome> => {
    const exclude = hooks.excludeBackends ?? {};
    calls.push(exclude);
    const name = (['webgpu', 'webgl', 'wasm', 'cpu'] as const).find((b) => !exclude[b]) ?? 'cpu';
    const notes = Object.entries(exclude).map(([b, why]) => `${b}: ${why}`);
    hooks.onBackend?.({ name, notes });
    const failure = failures[name];
    if (failure) throw failure();
    return { backend: { name, notes } } as unknown as TrainOutcome;
  };
  return { attempt, calls };
}

describe('trainWithFallback', () => {
  test('a WebGPU device lost mid-run restarts the run on the next backend, with the reason in the notes', async () => {
    const { attempt, calls } = scripted({ webgpu: () => new BackendLostError('webgpu', 'destroyed: Device was destroyed.') });
    const outcome = await trainWithFallback(snapshot, contract, config, {}, { attempt });
    expect(outcome.backend.name).toBe('webgl');
    expect(calls).toHaveLength(2);
    expect(outcome.backend.notes[0]).toMatch(/^webgpu: its device was lost mid-run \(The webgpu device was lost: destroyed: Device was destroyed\.\)/);
  });

  test('a GPU error that says the device is lost counts too, and so does a loss the host reports; losses chain', async () => {
    let reported: string | null = null;
    const { attempt } = scripted({
      webgpu: () => new Error('Device is lost'),
      webgl: () => { reported = 'context lost'; return new Error('something opaque'); },
    });
    const outcome = await trainWithFallback(snapshot, contract, config, {}, { attempt, deviceLost: () => reported });
    expect(outcome.backend.name).toBe('wasm');
    expect(outcome.backend.notes).toHaveLength(2);
    expect(outcome.backend.notes[1]).toContain('context lost');
  });

  test('any other error (bad data, a wasm or cpu failure) is rethrown unchanged, without a retry', async () => {
    const data = scripted({ webgpu: () => new Error('Every labelled row of "y" is "1": the label has only one class') });
    await expect(trainWithFallback(snapshot, contract, config, {}, { attempt: data.attempt })).rejects.toThrow(/only one class/);
    expect(data.calls).toHaveLength(1);
    const cpu = scripted({ webgpu: () => new BackendLostError('webgpu', 'gone'), webgl: () => new BackendLostError('webgl', 'gone'), wasm: () => new Error('Device is lost') });
    await expect(trainWithFallback(snapshot, contract, config, {}, { attempt: cpu.attempt })).rejects.toThrow('Device is lost');
    expect(cpu.calls).toHaveLength(3);
  });
});
