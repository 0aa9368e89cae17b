import { fail } from './load-error.ts';

/** Length of the prefix of `bytes` that ends on a whole UTF-8 sequence (a split multi-byte character is held back). */
export function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const b = bytes[i];
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + need > n ? i : n;
    }
  }
  return n;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid (a truncated tail counts as broken). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const SNIFF_BYTES = 65536;

/** Rejects a first chunk that is UTF-32, UTF-16 or binary; returns how many BOM bytes to skip (0 or 3). */
export function checkFirstChunk(bytes: Uint8Array, fileName: string): number {
  // UTF-32 LE's mark begins with UTF-16 LE's, so it is checked first.
  const utf32le = bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0;
  const utf32be = bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff;
  if (utf32le || utf32be) {
    fail('encoding', `${fileName} is UTF-32 text (byte-order mark at byte 0). Save it as UTF-8 CSV and load it again.`, { byte: 0, line: 1 });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail('encoding', `${fileName} is UTF-16 text (byte-order mark at byte 0). Save it as UTF-8 CSV and load it again.`, { byte: 0, line: 1 });
  }
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) fail('binary', `${fileName} looks like a binary file, not CSV text (unexpected control byte at offset ${i}).`, { byte: i });
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  // Text files carry almost no C0 control bytes; a few percent means a binary format.
  if (control > end * 0.02) fail('binary', `${fileName} looks like a binary file, not CSV text (unexpected control byte at offset 0).`, { byte: 0 });
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}
