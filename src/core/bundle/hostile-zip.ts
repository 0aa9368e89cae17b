import { deflateSync } from 'fflate';
import { crc32 } from './zip-directory.ts';

/**
 * Test support: one zip entry with every field a hostile archive might fake. Defaults give an honest entry
 * (deflated, true sizes and CRC, MS-DOS host, no attributes).
 */
export interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** 0 = stored, 8 = deflate (the data is deflated); any other number is written as is over the raw data. */
  readonly method?: number;
  /** General-purpose flags (bit 0 = encrypted); UTF-8 names (bit 11) by default. */
  readonly flags?: number;
  /** A different name for the local header than the central directory's. */
  readonly localName?: string;
  /** Uncompressed size written in both headers, instead of the data's. */
  readonly declaredSize?: number;
  readonly crc?: number;
  /** 3 = Unix, so `mode` is read from the high 16 bits of the external attributes. */
  readonly hostSystem?: number;
  /** Unix mode (type and permissions), e.g. 0o120777 for a symbolic link. */
  readonly mode?: number;
  /** Central-directory entry that points at another entry's local header (index into the entries). */
  readonly sharesDataOf?: number;
}

const le16 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff];
const le32 = (v: number): number[] => [...le16(v & 0xffff), ...le16((v >>> 16) & 0xffff)];

function concat(parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Writes a zip from raw entries exactly as described, faults included; a real archiver would refuse most of these. */
export function writeRawZip(entries: readonly RawEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets: number[] = [];
  let localBytes = 0;
  entries.forEach((e, i) => {
    const name = encoder.encode(e.name);
    const method = e.method ?? 8;
    const data = method === 8 ? deflateSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const crc = e.crc ?? crc32(e.data);
    const flags = e.flags ?? 0x800;
    const localName = e.localName === undefined ? name : encoder.encode(e.localName);
    const common = [...le16(method), ...le16(0), ...le16(0x21), ...le32(crc), ...le32(data.length), ...le32(size), ...le16(name.length), ...le16(0)];
    if (e.sharesDataOf === undefined) {
      offsets.push(localBytes);
      const localCommon = [...common.slice(0, 18), ...le16(localName.length), ...le16(0)];
      const part = concat([[...le32(0x04034b50), ...le16(20), ...le16(flags), ...localCommon], localName, data]);
      local.push(part);
      localBytes += part.length;
    } else {
      offsets.push(offsets[e.sharesDataOf] as number);
    }
    const attributes = e.mode === undefined ? 0 : (e.mode << 16) >>> 0;
    central.push(concat([[
      ...le32(0x02014b50), ...le16(((e.hostSystem ?? 0) << 8) | 20), ...le16(20), ...le16(flags), ...common,
      ...le16(0), ...le16(0), ...le16(0), ...le32(attributes), ...le32(offsets[i] as number),
    ], name]));
  });
  const centralBytes = central.reduce((n, c) => n + c.length, 0);
  const end = [...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(entries.length), ...le16(entries.length), ...le32(centralBytes), ...le32(localBytes), ...le16(0)];
  return concat([...local, ...central, end]);
}
