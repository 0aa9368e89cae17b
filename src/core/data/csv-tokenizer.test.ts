import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvTokenizer, recordFields, type TokenProblem } from './csv-tokenizer.ts';

interface Rec { fields: string[]; line: number; blank: boolean }
type Outcome = { records: Rec[] } | { problem: TokenProblem; line: number; field: number };

class Stop extends Error {
  constructor(readonly problem: TokenProblem, readonly line: number, readonly field: number) { super(problem); }
}

/** Tokenizes `text` fed in the given pieces. */
function tokenize(pieces: readonly string[], delimiter = ',', max = Number.POSITIVE_INFINITY): Outcome {
  const records: Rec[] = [];
  const t = new CsvTokenizer(delimiter, (record, line, blank) => records.push({ fields: recordFields(record), line, blank }), (problem, line, field) => {
    throw new Stop(problem, line, field);
  }, max);
  try {
    for (const p of pieces) t.feed(p);
    t.end();
  } catch (e) {
    if (e instanceof Stop) return { problem: e.problem, line: e.line, field: e.field };
    throw e;
  }
  return { records };
}

const fieldsOf = (text: string): string[][] => {
  const out = tokenize([text]);
  if (!('records' in out)) throw new Error(`unexpected ${out.problem}`);
  return out.records.filter((r) => !r.blank).map((r) => r.fields);
};

describe('CsvTokenizer: quotes as papaparse and Python read them', () => {
  test('a quote inside an unquoted field is literal (an inch mark)', () => {
    expect(fieldsOf('name,height\nAl,5\'11"\nBo,6"\n')).toEqual([['name', 'height'], ['Al', '5\'11"'], ['Bo', '6"']]);
  });

  test('a quoted field keeps delimiters and line breaks; "" is one quote', () => {
    expect(fieldsOf('a,b\n"x,""y""\nz",2\n')).toEqual([['a', 'b'], ['x,"y"\nz', '2']]);
  });

  test('text after a closing quote is refused at its line and field', () => {
    expect(tokenize(['a,b\n1,"x"y\n'])).toEqual({ problem: 'quote', line: 2, field: 2 });
  });

  test('an unclosed quote names the line it opens on', () => {
    expect(tokenize(['a,b\n1,2\n3,"open\n4,5\n'])).toEqual({ problem: 'unclosed', line: 3, field: 2 });
  });
});

describe('CsvTokenizer: lines that are true', () => {
  const lines = (text: string): number[] => {
    const out = tokenize([text]);
    if (!('records' in out)) throw new Error(out.problem);
    return out.records.map((r) => r.line);
  };

  test('LF, CRLF and CR-only files give the same records on the same lines', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['a,b', '1,"two', 'lines"', '3,4', ''].join(nl);
      expect(fieldsOf(text), JSON.stringify(nl)).toEqual([['a', 'b'], ['1', `two${nl}lines`], ['3', '4']]);
      expect(lines(text), JSON.stringify(nl)).toEqual([1, 2, 4]);
    }
  });

  test('a CR-only file that ends in CR has no phantom row', () => {
    expect(fieldsOf('a\r1\r2\r')).toEqual([['a'], ['1'], ['2']]);
  });

  test('blank lines are reported as blank; a quoted empty field is not blank', () => {
    const out = tokenize(['a\n\n""\n']);
    expect(out).toEqual({ records: [{ fields: ['a'], line: 1, blank: false }, { fields: [''], line: 2, blank: true }, { fields: [''], line: 3, blank: false }] });
  });

  test('a NUL or other control byte is refused where it is; tab is text', () => {
    expect(tokenize(['a,b\n1,x\u0000y\n'])).toEqual({ problem: 'control', line: 2, field: 2 });
    expect(tokenize(['a,b\n1,"x\n\u0007"\n'])).toEqual({ problem: 'control', line: 3, field: 2 });
    expect(fieldsOf('a,b\n1,x\ty\n')).toEqual([['a', 'b'], ['1', 'x\ty']]);
  });

  test('a record longer than the limit is refused instead of held', () => {
    expect(tokenize(['a,b\n1,"', 'x'.repeat(50), 'y'.repeat(50)], ',', 64)).toEqual({ problem: 'too-long', line: 2, field: 2 });
  });
});

describe('CsvTokenizer: chunk boundaries never change the result', () => {
  const cell = fc.oneof(
    fc.constantFrom('', 'a', ' x ', '5\'11"', '1.5', 'NA'),
    fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '😀'), maxLength: 6 }).map((s) => `"${s.replaceAll('"', '""')}"`),
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\'', 'é'), maxLength: 6 }),
  );
  const file = fc.tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  ).chain(([width, nl, trailing]) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })
    .map((rows) => rows.map((r) => r.join(',')).join(nl) + (trailing ? nl : '')));

  test('every cut offset (and every pair of cuts) gives the parse of the whole text', () => {
    fc.assert(fc.property(file, (text) => {
      const whole = tokenize([text]);
      for (let i = 0; i <= text.length; i++) {
        expect(tokenize([text.slice(0, i), text.slice(i)])).toEqual(whole);
        for (let j = i; j <= text.length; j += 7) expect(tokenize([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
      }
    }), { seed: 11, numRuns: 200 });
  });

  test('one character at a time gives the parse of the whole text', () => {
    fc.assert(fc.property(file, (text) => {
      expect(tokenize([...text])).toEqual(tokenize([text]));
    }), { seed: 12, numRuns: 200 });
  });
});

describe('CsvTokenizer: text with no quote or control character (the indexOf path)', () => {
  // What such text must give: records at every LF, CRLF or lone CR, fields at every comma; a final line of spaces
  // and tabs without a line break is blank, as is any empty line.
  const expected = (text: string): Rec[] => {
    if (text === '') return [];
    const lines = text.split(/\r\n|\r|\n/);
    const ended = /[\r\n]$/.test(text);
    if (ended) lines.pop();
    return lines.map((l, k) => ({ fields: l.split(','), line: k + 1, blank: l === '' || (!ended && k === lines.length - 1 && !l.includes(',') && l.trim() === '') }));
  };
  const text = fc.string({ unit: fc.constantFrom('a', '1', ' ', '\t', ',', '\n', '\r', '\r\n', 'é', "'"), maxLength: 40 });

  test('any two cuts give the records of splitting at line ends and commas', () => {
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, x, y) => {
      const [i, j] = [x % (t.length + 1), y % (t.length + 1)].sort((a, b) => a - b);
      expect(tokenize([t.slice(0, i), t.slice(i, j), t.slice(j)])).toEqual({ records: expected(t) });
    }), { seed: 17, numRuns: 2000 });
  });

  test('a piece with a quote or a control character after clean pieces takes the careful path and still refuses it', () => {
    expect(tokenize(['a,b\n1,', '"x,y"', '\n'])).toEqual({ records: [{ fields: ['a', 'b'], line: 1, blank: false }, { fields: ['1', 'x,y'], line: 2, blank: false }] });
    expect(tokenize(['a,b\n1,2\n', '3,\u0001\n'])).toEqual({ problem: 'control', line: 3, field: 2 });
  });
});
