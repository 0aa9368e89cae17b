import { fail } from './load-error.ts';

const SNIFF_BYTES = 65536;

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
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

function looksBinary(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return i;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  // Text files carry almost no C0 control bytes; a few percent means a binary format.
  return control > end * 0.02 ? 0 : -1;
}

/** Where a byte offset falls: 1-based line and the 1-based field within that line, counting delimiters outside quotes. */
export function locateByte(bytes: Uint8Array, offset: number, delimiter: string): { line: number; record: number; field: number } {
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  let line = 1;
  let record = 0;
  let field = 1;
  let quoted = false;
  for (const ch of prefix) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      line++;
      // A newline inside quotes continues the same record.
      if (!quoted) { record++; field = 1; }
    } else if (!quoted && ch === delimiter) field++;
  }
  return { line, record, field };
}

/** Guesses the delimiter from the header line: the most frequent of comma, semicolon, tab and pipe outside quotes. */
export function guessDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Splits a header line on the delimiter outside quotes and strips the quotes, for naming columns in messages. */
export function splitHeader(line: string, delimiter: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line.replace(/\r$/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) { names.push(current); current = ''; }
    else current += ch;
  }
  names.push(current);
  return names;
}

/** Decodes CSV bytes as strict UTF-8, rejecting empty, binary and mis-encoded files with a located message. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.length === 0) fail('empty', `${fileName} is empty (0 bytes). Choose a CSV file with a header row and data rows.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail('encoding', `${fileName} is UTF-16 text (byte-order mark at byte 0). Save it as UTF-8 CSV and load it again.`, { byte: 0, line: 1 });
  }
  const binaryAt = looksBinary(bytes);
  if (binaryAt >= 0) {
    fail('binary', `${fileName} looks like a binary file, not CSV text (unexpected control byte at offset ${binaryAt}).`, { byte: binaryAt });
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const byte = bad + (hasBom ? 3 : 0);
    const firstLineEnd = body.indexOf(0x0a);
    const header = new TextDecoder('utf-8').decode(body.subarray(0, firstLineEnd < 0 ? body.length : firstLineEnd));
    const delimiter = guessDelimiter(header);
    const { line, record, field } = locateByte(body, bad, delimiter);
    const names = splitHeader(header, delimiter);
    const column = names[field - 1];
    const where = `line ${line}${record > 0 ? ` (data row ${record})` : ' (the header)'}, column ${field}${column ? ` "${column}"` : ''}`;
    fail('encoding', `${fileName} is not valid UTF-8: byte 0x${body[bad].toString(16).padStart(2, '0')} at offset ${byte}, ${where}. Re-save the file as UTF-8.`, {
      byte, line, field, column, row: record > 0 ? record : undefined,
    });
  }
  return new TextDecoder('utf-8').decode(body);
}
