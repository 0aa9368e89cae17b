import { describe, expect, test } from 'vitest';
import { writeRawZip } from './hostile-zip.ts';
import { crc32, readZipDirectory } from './zip-directory.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('readZipDirectory', () => {
  test('reads names, methods, sizes, CRCs, host and mode as declared', () => {
    const zip = writeRawZip([
      { name: 'a.txt', data: text('hello hello hello'), method: 8 },
      { name: 'b/c.bin', data: Uint8Array.of(1, 2, 3), method: 0, hostSystem: 3, mode: 0o100644 },
    ]);
    const [a, b] = readZipDirectory(zip, 10);
    expect(a).toMatchObject({ name: 'a.txt', method: 8, size: 17, crc32: crc32(text('hello hello hello')), hostSystem: 0, externalAttributes: 0, localOffset: 0 });
    expect(b).toMatchObject({ name: 'b/c.bin', method: 0, size: 3, compressedSize: 3, hostSystem: 3, externalAttributes: 0o100644 * 65536 });
    expect(zip.subarray(b?.dataStart, b?.dataEnd)).toEqual(Uint8Array.of(1, 2, 3));
  });

  test('an empty archive has no entries', () => {
    expect(readZipDirectory(writeRawZip([]), 10)).toEqual([]);
  });

  test('refuses a local header whose name differs from the directory\'s', () => {
    expect(() => readZipDirectory(writeRawZip([{ name: 'config.json', localName: '../config.json', data: text('{}') }]), 10)).toThrow('"config.json" has another name in its local header');
  });

  test('refuses encryption, and compression other than stored or deflate', () => {
    expect(() => readZipDirectory(writeRawZip([{ name: 'a', data: text('x'), flags: 0x801 }]), 10)).toThrow('"a" is encrypted');
    expect(() => readZipDirectory(writeRawZip([{ name: 'a', data: text('x'), method: 12 }]), 10)).toThrow('"a" uses compression method 12; only stored and deflate are read');
  });

  test('refuses a truncated file and one with too many entries', () => {
    const zip = writeRawZip([{ name: 'a', data: text('x') }, { name: 'b', data: text('y') }]);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 5), 10)).toThrow('not a zip file');
    expect(() => readZipDirectory(zip, 1)).toThrow('the zip has 2 entries; a bundle has at most 1');
  });
});

describe('crc32', () => {
  test('the standard check value: CRC-32 of "123456789" is 0xCBF43926', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
