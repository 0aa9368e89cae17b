import * as Comlink from 'comlink';
import { parseCsv } from '../core/index.ts';
import { snapshotBuffers, type ParseApi } from './protocol.ts';

const api: ParseApi = {
  async parse(bytes, fileName) {
    const result = await parseCsv(new Uint8Array(bytes), fileName);
    return result.ok ? Comlink.transfer(result, snapshotBuffers(result.snapshot)) : result;
  },
};

Comlink.expose(api);
