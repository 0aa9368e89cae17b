/**
 * For a worker that sends heartbeats (workers/heartbeat.ts; any message counts), how long without one means it is
 * gone: a tab's out-of-memory kill of a worker fires no error event.
 */
export interface Heartbeat {
  readonly silenceMs: number;
}

/**
 * Settles `call` as usual, but rejects it when the worker reports an error, is terminated through `abort`, or (with
 * `heartbeat`) falls silent: comlink promises never settle once their worker dies, which would leave the page
 * waiting forever.
 */
export function guardWorker<T>(worker: Worker, call: Promise<T>, abort?: AbortSignal, heartbeat?: Heartbeat): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let lastSeen = Date.now();
    const onMessage = () => { lastSeen = Date.now(); };
    const onError = (event: Event) => {
      event.preventDefault();
      const message = (event as Partial<ErrorEvent>).message;
      const detail = typeof message === 'string' && message ? message : 'it stopped unexpectedly (out of memory?)';
      fail(new Error(`The background worker failed: ${detail}`));
    };
    const onAbort = () => fail(abort?.reason instanceof Error ? abort.reason : new Error('aborted'));
    const watchdog = heartbeat
      ? setInterval(() => {
        if (Date.now() - lastSeen > heartbeat.silenceMs) {
          fail(new Error(`The background worker stopped answering for ${Math.round(heartbeat.silenceMs / 1000)} s (it may have run out of memory).`));
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
