import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RecordScanner } from './record-scanner.ts';

// The quote rule spelled out one character at a time: the absolute offsets just past each record-ending newline, the
// final in-quotes state and the line the open quote started on.
function reference(text: string): { ends: number[]; inQuotes: boolean; quoteLine: number } {
  const ends: number[] = [];
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  let lines = 0;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (state === 'quoted') {
      if (c === '"') state = 'closed';
      else if (c === '\n') lines++;
    } else if (c === '"' && (state === 'start' || state === 'closed')) {
      if (state === 'start') quoteLine = lines;
      state = 'quoted';
    } else if (c === ',') state = 'start';
    else if (c === '\n') {
      lines++;
      ends.push(i + 1);
      state = 'start';
    } else if (c !== '\r') state = 'plain';
  }
  return { ends, inQuotes: state === 'quoted', quoteLine };
}

describe('RecordScanner', () => {
  test('pieces with and without quotes find the record ends, quote state and quote line of the whole text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', ' '), maxLength: 60 });
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
      const at = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
      const pieces = [0, ...at].map((from, k) => t.slice(from, k < at.length ? at[k] : t.length));
      const scanner = new RecordScanner(',');
      const lastEnds: number[] = [];
      let offset = 0;
      for (const piece of pieces) {
        const end = scanner.scan(piece);
        if (end > 0) lastEnds.push(offset + end);
        offset += piece.length;
      }
      const want = reference(t);
      // Each piece reports the last record end inside it.
      const perPiece: number[] = [];
      offset = 0;
      for (const piece of pieces) {
        const inside = want.ends.filter((e) => e > offset && e <= offset + piece.length);
        if (inside.length) perPiece.push(inside[inside.length - 1]);
        offset += piece.length;
      }
      expect(lastEnds).toEqual(perPiece);
      expect(scanner.inQuotes).toBe(want.inQuotes);
      if (want.inQuotes) expect(scanner.quoteLine).toBe(want.quoteLine);
    }), { seed: 16, numRuns: 1000 });
  });

  test('a quote after plain text in an earlier piece stays literal; at a field start in a later piece it opens quotes', () => {
    const s = new RecordScanner(',');
    expect(s.scan('a,5\'11')).toBe(0);
    expect(s.scan('"\n')).toBe(2);
    expect(s.inQuotes).toBe(false);
    expect(s.scan('x,')).toBe(0);
    expect(s.scan('"open\n')).toBe(0);
    expect(s.inQuotes).toBe(true);
    expect(s.quoteLine).toBe(1);
  });
});
