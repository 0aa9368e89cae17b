import * as Comlink from 'comlink';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { guardWorker, WorkerClient, WorkerCrash } from './worker-client.ts';

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
    await expect(guardWorker(worker, Promise.reject(new Error('x')))).rejects.not.toBeInstanceOf(WorkerCrash);
    const crash = guardWorker(worker, new Promise<number>(() => {}));
    worker.dispatchEvent(new Event('messageerror'));
    await expect(crash).rejects.toBeInstanceOf(WorkerCrash);
  });
});

interface EchoApi {
  add(a: number, b: number): number;
  fail(): never;
  hang(): Promise<never>;
}

// Workers stand-ins: a MessageChannel whose far end exposes the API, as a worker's global scope would.
function startFake(log: { started: number; terminated: number; live: MessagePort[] }): () => Worker {
  return () => {
    const { port1, port2 } = new MessageChannel();
    const api: EchoApi = { add: (a, b) => a + b, fail: () => { throw new Error('bad input on row 3'); }, hang: () => new Promise<never>(() => {}) };
    Comlink.expose(api, port2);
    log.started++;
    log.live.push(port1);
    return Object.assign(port1, { terminate: () => { log.terminated++; port1.close(); port2.close(); } }) as unknown as Worker;
  };
}

describe('WorkerClient', () => {
  test('starts one worker on first use and keeps it across calls, even when a call throws', async () => {
    const log = { started: 0, terminated: 0, live: [] as MessagePort[] };
    const onStart = vi.fn();
    const client = new WorkerClient<EchoApi>(startFake(log), { onStart });
    expect(client.running).toBeNull();
    expect(await client.call((api) => api.add(2, 3))).toBe(5);
    await expect(client.call((api) => api.fail())).rejects.toThrow('bad input on row 3');
    await expect(client.call((api) => api.fail())).rejects.not.toBeInstanceOf(WorkerCrash);
    expect(await client.call((api) => api.add(1, 1))).toBe(2);
    expect([log.started, log.terminated, client.starts, onStart.mock.calls.length]).toEqual([1, 0, 1, 1]);
    client.terminate();
  });

  test('a crash rejects with WorkerCrash, terminates the worker, and the next call starts a fresh one', async () => {
    const log = { started: 0, terminated: 0, live: [] as MessagePort[] };
    const onStart = vi.fn();
    const client = new WorkerClient<EchoApi>(startFake(log), { onStart });
    const pending = client.call((api) => api.hang());
    log.live[0].dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
    await expect(pending).rejects.toBeInstanceOf(WorkerCrash);
    await expect(pending).rejects.toThrow('The background worker failed: out of memory');
    expect([log.started, log.terminated, client.running]).toEqual([1, 1, null]);
    expect(await client.call((api) => api.add(20, 22))).toBe(42);
    expect([log.started, client.starts, onStart.mock.calls.length]).toEqual([2, 2, 2]);
    client.terminate();
    expect(log.terminated).toBe(2);
  });

  test('an abort rejects with its reason and terminates the worker', async () => {
    const log = { started: 0, terminated: 0, live: [] as MessagePort[] };
    const client = new WorkerClient<EchoApi>(startFake(log));
    const abort = new AbortController();
    const pending = client.call((api) => api.hang(), abort.signal);
    abort.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
    expect([log.terminated, client.running]).toEqual([1, null]);
  });
});
