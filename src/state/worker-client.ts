import * as Comlink from 'comlink';

/**
 * For a worker that sends heartbeats (workers/heartbeat.ts; any message counts), how long without one means it is
 * gone: a tab's out-of-memory kill of a worker fires no error event.
 */
export interface Heartbeat {
  readonly silenceMs: number;
}

/** The worker itself died (an error event, a message it could not read, or silence past its heartbeat), not a call in it. */
export class WorkerCrash extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrash';
  }
}

/**
 * Settles `call` as usual, but rejects it with a `WorkerCrash` when the worker reports an error or (with `heartbeat`)
 * falls silent, and with the abort reason when `abort` fires: comlink promises never settle once their worker dies,
 * which would leave the page waiting forever.
 */
export function guardWorker<T>(worker: Worker, call: Promise<T>, abort?: AbortSignal, heartbeat?: Heartbeat): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let lastSeen = Date.now();
    const onMessage = () => { lastSeen = Date.now(); };
    const onError = (event: Event) => {
      event.preventDefault();
      const message = (event as Partial<ErrorEvent>).message;
      const detail = typeof message === 'string' && message ? message : 'it stopped unexpectedly (out of memory?)';
      fail(new WorkerCrash(`The background worker failed: ${detail}`));
    };
    const onAbort = () => fail(abort?.reason instanceof Error ? abort.reason : new Error('aborted'));
    const watchdog = heartbeat
      ? setInterval(() => {
        if (Date.now() - lastSeen > heartbeat.silenceMs) {
          fail(new WorkerCrash(`The background worker stopped answering for ${Math.round(heartbeat.silenceMs / 1000)} s (it may have run out of memory).`));
        }
      }, 1000)
      : undefined;
    // Every way out (result, error, abort, silence) removes every listener and the watchdog.
    const cleanup = () => {
      clearInterval(watchdog);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
      abort?.removeEventListener('abort', onAbort);
    };
    function fail(error: unknown): void {
      cleanup();
      reject(error);
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    abort?.addEventListener('abort', onAbort);
    call.then((value) => { cleanup(); resolve(value); }, fail);
  });
}

/** How a `WorkerClient` watches and prepares its worker. */
export interface WorkerClientOptions<Api> {
  /** Watch for silence: the worker must post heartbeats (workers/heartbeat.ts). */
  readonly heartbeat?: Heartbeat;
  /** Runs once for each worker started, before its first call (connect ports, send state). */
  readonly onStart?: (api: Comlink.Remote<Api>) => void;
}

/**
 * The page's handle on one kind of worker (parse, checks, train, evaluate): starts it on first use, guards every call
 * (a crash rejects with `WorkerCrash` and the next call starts a fresh worker), and terminates it on demand.
 * `start` must hold the literal `new Worker(new URL('…', import.meta.url))` so Vite bundles the worker.
 */
export class WorkerClient<Api> {
  readonly #start: () => Worker;
  readonly #options: WorkerClientOptions<Api>;
  #live: { raw: Worker; api: Comlink.Remote<Api> } | null = null;
  #starts = 0;

  constructor(start: () => Worker, options: WorkerClientOptions<Api> = {}) {
    this.#start = start;
    this.#options = options;
  }

  /** The running worker's API, starting one if none runs. */
  get api(): Comlink.Remote<Api> {
    if (!this.#live) {
      const raw = this.#start();
      this.#live = { raw, api: Comlink.wrap<Api>(raw) };
      this.#starts++;
      this.#options.onStart?.(this.#live.api);
    }
    return this.#live.api;
  }

  /** The running worker's API, or null when none runs (for messages that only make sense to a live worker). */
  get running(): Comlink.Remote<Api> | null {
    return this.#live?.api ?? null;
  }

  /** Counts workers started so far: a change means the worker restarted and lost whatever it held. */
  get starts(): number {
    return this.#starts;
  }

  /**
   * Runs one call on the worker. A crash (or `abort`) terminates the worker, so the next call starts a fresh one; an
   * error thrown by the call itself leaves the worker running.
   */
  async call<T>(fn: (api: Comlink.Remote<Api>) => Promise<T>, abort?: AbortSignal): Promise<T> {
    const api = this.api;
    const live = this.#live;
    if (!live) throw new WorkerCrash('The background worker could not be started.');
    try {
      return await guardWorker(live.raw, fn(api), abort, this.#options.heartbeat);
    } catch (e) {
      if ((e instanceof WorkerCrash || abort?.aborted) && this.#live === live) this.terminate();
      throw e;
    }
  }

  /** Stops the worker now; the next call starts a fresh one. */
  terminate(): void {
    this.#live?.raw.terminate();
    this.#live = null;
  }
}
