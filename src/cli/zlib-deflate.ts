import { crc32, deflateRawSync } from 'node:zlib';
import type { HostDeflate } from '../core/index.ts';

/** Node's native zlib as the bundle zip's deflate (see `HostDeflate`): level 6, as fflate's default here. */
export const zlibDeflate: HostDeflate = {
  deflateRaw: (bytes) => deflateRawSync(bytes, { level: 6 }),
  crc32: (bytes) => crc32(bytes),
};
