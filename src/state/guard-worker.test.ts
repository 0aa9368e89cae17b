import { afterEach, describe, expect, test, vi } from 'vitest';
import { guardWorker } from './guard-worker.ts';

// A stand-in Worker: guardWorker only listens for events on it.
const fakeWorker = () => new EventTarget() as unknown as Worker;

afterEach(() => {
  vi.useRealTimers();
});

describe('guardWorker', () => {
  test('a worker that falls silent (no heartbeat) is reported instead of leaving the call pending forever', async () => {
    vi.useFakeTimers();
    const worker = fakeWorker();
    const never = new Promise<number>(() => {});
    const guarded = guardWorker(worker, never, undefined, { silenceMs: 5000 });
    const outcome = guarded.then(() => 'resolved', (e: Error) => e.message);
    for (let s = 0; s < 4; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      worker.dispatchEvent(new MessageEvent('message', { data: 'mle-heartbeat' }));
    }
    await vi.advanceTimersByTimeAsync(7000);
    expect(await outcome).toMatch(/stopped answering for 5 s \(it may have run out of memory\)/);
  });

  test('heartbeats keep a long call alive, and its result comes through', async () => {
    vi.useFakeTimers();
    const worker = fakeWorker();
    let finish: (v: number) => void = () => {};
    const call = new Promise<number>((resolve) => { finish = resolve; });
    const guarded = guardWorker(worker, call, undefined, { silenceMs: 3000 });
    for (let s = 0; s < 10; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      worker.dispatchEvent(new MessageEvent('message', { data: 'mle-heartbeat' }));
    }
    finish(42);
    expect(await guarded).toBe(42);
  });

  test('an error event rejects with its message, or a plain reason when it has none', async () => {
    const worker = fakeWorker();
    const guarded = guardWorker(worker, new Promise<number>(() => {}));
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));
    await expect(guarded).rejects.toThrow('The background worker failed: boom');
    const bare = guardWorker(worker, new Promise<number>(() => {}));
    worker.dispatchEvent(new Event('error'));
    await expect(bare).rejects.toThrow('The background worker failed: it stopped unexpectedly (out of memory?)');
  });
});
