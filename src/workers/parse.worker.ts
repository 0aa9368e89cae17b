import * as Comlink from 'comlink';
import { asLoadResult, CHUNK_BYTES, profilingIngest } from '../core/index.ts';
import { fastSha256 } from './fast-sha256.ts';
import { copySnapshot, snapshotBuffers, type ParseApi } from './protocol.ts';

let cancelled = false;
// Workers that want every parsed snapshot (checks, evaluate); each gets its own copy, made here and not on the page.
const subscribers: MessagePort[] = [];

const api: ParseApi = {
  async parseFile(file, options, onProgress) {
    cancelled = false;
    const result = await asLoadResult(async () => {
      // The WebAssembly hash: the portable one alone costs about 2 s of a 191 MB load.
      const createHash = await fastSha256();
      const ingest = profilingIngest(file.name, { ...options, expectedBytes: file.size, ...(createHash ? { createHash } : {}) });
      for (let at = 0; at < file.size; at += CHUNK_BYTES) {
        // Each chunk read is a real await, so a cancel() message gets in between chunks.
        const bytes = new Uint8Array(await file.slice(at, at + CHUNK_BYTES).arrayBuffer());
        if (cancelled) throw new CancelledLoad();
        ingest.push(bytes);
        void onProgress({ bytes: ingest.bytesRead, total: file.size, rows: ingest.rows });
      }
      return ingest.finish();
    }).catch((e: unknown) => {
      if (e instanceof CancelledLoad) return { ok: false as const, error: { kind: 'cancelled' as const, message: `Loading ${file.name} was cancelled.`, location: {} } };
      throw e;
    });
    if (!result.ok) return result;
    for (const port of subscribers) {
      // The copy is made here, in the worker, so the page never spends a frame cloning columns for another worker.
      const copy = copySnapshot(result.snapshot);
      port.postMessage(copy, snapshotBuffers(copy));
    }
    return Comlink.transfer(result, snapshotBuffers(result.snapshot));
  },
  connect(port) {
    subscribers.push(port);
  },
  cancel() {
    cancelled = true;
  },
};

class CancelledLoad extends Error {}

Comlink.expose(api);
