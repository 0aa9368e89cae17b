import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { createRandom } from '../core/random.ts';
import { parseCsv } from '../core/data/parse-csv.ts';
import { fastSha256 } from './fast-sha256.ts';

describe('fastSha256', () => {
  test('gives the standard digests (empty input, "abc") and resets between uses', async () => {
    const create = await fastSha256();
    if (!create) throw new Error('WebAssembly SHA-256 did not start in Node');
    expect(bytesToHex(create().digest())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const h = create();
    h.update(new TextEncoder().encode('abc'));
    expect(bytesToHex(h.digest())).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(bytesToHex(create().digest())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('a load hashed with it gets the snapshot id of the portable hash, whatever the chunking', async () => {
    const create = await fastSha256();
    if (!create) throw new Error('WebAssembly SHA-256 did not start in Node');
    const random = createRandom(9);
    const lines = ['a,b,c', ...Array.from({ length: 3000 }, () => `${random.next()},${random.nextInt(50)},x${random.nextInt(7)}`)];
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const fast = await parseCsv(bytes, 'f.csv', { createHash: create });
    const portable = await parseCsv(bytes, 'f.csv');
    if (!fast.ok || !portable.ok) throw new Error('load failed');
    expect(fast.snapshot.id).toBe(portable.snapshot.id);
    expect(fast.snapshot.id).toBe(bytesToHex(sha256(bytes)));
    const h = create();
    for (let at = 0; at < bytes.length; at += 997) h.update(bytes.subarray(at, at + 997));
    expect(bytesToHex(h.digest())).toBe(fast.snapshot.id);
  });
});
