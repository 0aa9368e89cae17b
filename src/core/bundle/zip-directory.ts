/** One entry of a zip's central directory, as declared (nothing decompressed yet). Offsets and sizes in bytes. */
export interface ZipEntry {
  /** The name exactly as stored, decoded as UTF-8. */
  readonly name: string;
  /** 0 = stored, 8 = deflate; anything else is refused before this is returned. */
  readonly method: 0 | 8;
  readonly compressedSize: number;
  /** The uncompressed size the directory declares; checked against the data when it is inflated. */
  readonly size: number;
  readonly crc32: number;
  /** Host system of the archiver (high byte of "version made by": 0 = MS-DOS, 3 = Unix, 19 = macOS). */
  readonly hostSystem: number;
  /** The 32-bit external attributes; on Unix hosts the file mode sits in the high 16 bits. */
  readonly externalAttributes: number;
  /** Where the entry's compressed bytes start and end in the archive. */
  readonly dataStart: number;
  readonly dataEnd: number;
  /** Where its local header starts (the entry's whole span is [localOffset, dataEnd)). */
  readonly localOffset: number;
}

/** A zip the reader refuses to read at all, with the reason in one line. */
export class ZipFormatError extends Error {
  constructor(message: string, readonly kind: 'not-a-zip' | 'damaged' | 'too-large' = 'damaged') {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

const u16 = (b: Uint8Array, o: number): number => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(bytes: Uint8Array, index: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ZipFormatError(`entry ${index + 1}'s name is not valid UTF-8`);
  }
}

function findEndRecord(zip: Uint8Array): number {
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let o = zip.length - 22; o >= lowest; o--) if (u32(zip, o) === EOCD && o + 22 + u16(zip, o + 20) === zip.length) return o;
  throw new ZipFormatError('not a zip file (no end-of-central-directory record)', 'not-a-zip');
}

/**
 * Reads a zip's central directory (`zip`: the whole file) and checks each entry's local header against it, without
 * decompressing anything. Refuses split, ZIP64 and encrypted archives, compression other than stored/deflate, a local
 * header that disagrees with the directory, and entries whose bytes overlap (the overlapping-entries zip bomb).
 */
export function readZipDirectory(zip: Uint8Array, maxEntries: number): ZipEntry[] {
  if (zip.length < 22) throw new ZipFormatError(`not a zip file (${zip.length} bytes)`, 'not-a-zip');
  const end = findEndRecord(zip);
  if (end >= 20 && u32(zip, end - 20) === ZIP64_LOCATOR) throw new ZipFormatError('ZIP64 archives are not supported');
  const count = u16(zip, end + 10);
  if (u16(zip, end + 4) !== 0 || u16(zip, end + 6) !== 0 || u16(zip, end + 8) !== count) throw new ZipFormatError('split (multi-disk) archives are not supported');
  if (count > maxEntries) throw new ZipFormatError(`the zip has ${count} entries; a bundle has at most ${maxEntries}`, 'too-large');
  const dirSize = u32(zip, end + 12);
  const dirStart = u32(zip, end + 16);
  if (dirStart + dirSize > end) throw new ZipFormatError('the central directory lies outside the file');

  const entries: ZipEntry[] = [];
  let o = dirStart;
  for (let i = 0; i < count; i++) {
    if (o + 46 > dirStart + dirSize || u32(zip, o) !== CENTRAL) throw new ZipFormatError(`central directory entry ${i + 1} is damaged`);
    const flags = u16(zip, o + 8);
    const method = u16(zip, o + 10);
    const nameLength = u16(zip, o + 28);
    const next = o + 46 + nameLength + u16(zip, o + 30) + u16(zip, o + 32);
    if (next > dirStart + dirSize) throw new ZipFormatError(`central directory entry ${i + 1} runs past the directory`);
    const name = decodeName(zip.subarray(o + 46, o + 46 + nameLength), i);
    const compressedSize = u32(zip, o + 20);
    const size = u32(zip, o + 24);
    const localOffset = u32(zip, o + 42);
    if (flags & 0x1 || method === 99) throw new ZipFormatError(`"${name}" is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`"${name}" uses compression method ${method}; only stored and deflate are read`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipFormatError(`"${name}" needs ZIP64, which is not supported`);
    if (u16(zip, o + 34) !== 0) throw new ZipFormatError(`"${name}" starts on another disk`);

    if (localOffset + 30 > dirStart || u32(zip, localOffset) !== LOCAL) throw new ZipFormatError(`"${name}" has no local header where the directory points`);
    const localNameLength = u16(zip, localOffset + 26);
    const localName = zip.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    // A local name that differs from the directory's would let two tools see two different archives.
    if (localNameLength !== nameLength || localName.some((b, k) => b !== zip[o + 46 + k])) throw new ZipFormatError(`"${name}" has another name in its local header`);
    const localFlags = u16(zip, localOffset + 6);
    if (u16(zip, localOffset + 8) !== method) throw new ZipFormatError(`"${name}" has another compression method in its local header`);
    if (!(localFlags & 0x8) && (u32(zip, localOffset + 18) !== compressedSize || u32(zip, localOffset + 22) !== size)) {
      throw new ZipFormatError(`"${name}" declares other sizes in its local header than in the directory`);
    }
    const dataStart = localOffset + 30 + localNameLength + u16(zip, localOffset + 28);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > dirStart) throw new ZipFormatError(`"${name}"'s data runs past the start of the central directory`);
    entries.push({
      name, method, compressedSize, size, crc32: u32(zip, o + 16), hostSystem: zip[o + 5] as number,
      externalAttributes: u32(zip, o + 38), dataStart, dataEnd, localOffset,
    });
    o = next;
  }
  const spans = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1] as ZipEntry, spans[i] as ZipEntry];
    if (b.localOffset < a.dataEnd) throw new ZipFormatError(`"${b.name}" overlaps the bytes of "${a.name}"`);
  }
  return entries;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE, as zip uses) of bytes; fflate computes it internally but does not export it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (crcTable[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
