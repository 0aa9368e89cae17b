/**
 * Settles `call` as usual, but rejects it when the worker reports an error or is terminated through `abort`:
 * comlink promises never settle once their worker dies, which would leave the page waiting forever.
 */
export function guardWorker<T>(worker: Worker, call: Promise<T>, abort?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onError = (event: Event) => {
      event.preventDefault();
      const detail = event instanceof ErrorEvent && event.message ? event.message : 'it stopped unexpectedly (out of memory?)';
      reject(new Error(`The background worker failed: ${detail}`));
    };
    const onAbort = () => reject(abort?.reason instanceof Error ? abort.reason : new Error('aborted'));
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    abort?.addEventListener('abort', onAbort);
    call.then(resolve, reject).finally(() => {
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
      abort?.removeEventListener('abort', onAbort);
    });
  });
}
