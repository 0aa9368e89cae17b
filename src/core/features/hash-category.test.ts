import { describe, expect, test } from 'vitest';
import { parseCsv } from '../data/parse-csv.ts';
import { fitPreprocessing } from './fit-preprocessing.ts';
import { categorySalt, hashCategory } from './hash-category.ts';
import { transform } from './transform.ts';

// Python: hashlib.sha256(b'pepper\x00Smith, Mr. John').hexdigest()
const PYTHON_DIGEST = 'bb4eca44d0e433aa25f88868c633e3c7fd9ea5c6aa4154e3adeb70e90e7e4a21';

describe('hashCategory', () => {
  test('is SHA-256 of salt, NUL, value (matches Python hashlib)', () => {
    expect(hashCategory('pepper', 'Smith, Mr. John')).toBe(PYTHON_DIGEST);
  });

  test('the NUL separator keeps salt and value apart', () => {
    expect(hashCategory('ab', 'c')).not.toBe(hashCategory('a', 'bc'));
  });

  test('the salt is 32 hex characters, stable per snapshot and column, different across them', () => {
    expect(categorySalt('s1', 'name')).toMatch(/^[0-9a-f]{32}$/);
    expect(categorySalt('s1', 'name')).toBe(categorySalt('s1', 'name'));
    expect(categorySalt('s1', 'name')).not.toBe(categorySalt('s2', 'name'));
    expect(categorySalt('s1', 'name')).not.toBe(categorySalt('s1', 'notes'));
  });
});

describe('a hashed categorical step', () => {
  // Training rows 0-4; row 5 holds a value never seen in training; row 6 is missing.
  const CSV = 'name,x\nAnn Lee,1\nBo Chen,2\nAnn Lee,3\nAnn Lee,4\nBo Chen,5\nCy Moss,6\n,7\n';
  const TRAIN = Int32Array.from([0, 1, 2, 3, 4]);
  const ALL = Int32Array.from([0, 1, 2, 3, 4, 5, 6]);

  test('stores salted digests (no value in clear) and transforms exactly like the clear step', async () => {
    const parsed = await parseCsv(new TextEncoder().encode(CSV), 'h.csv');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const clear = fitPreprocessing(parsed.snapshot, ['name', 'x'], TRAIN);
    const hashed = fitPreprocessing(parsed.snapshot, ['name', 'x'], TRAIN, ['name']);
    const step = hashed.steps[0];
    if (step.kind !== 'categorical' || step.salt === undefined) throw new Error('name should be a hashed categorical step');
    expect(step.salt).toBe(categorySalt(parsed.snapshot.id, 'name'));
    // Same order as the clear vocabulary (by training count), each value replaced by its digest.
    expect(step.categories).toEqual([hashCategory(step.salt, 'Ann Lee'), hashCategory(step.salt, 'Bo Chen')]);
    const json = JSON.stringify(hashed);
    for (const value of ['Ann', 'Lee', 'Bo Chen', 'Cy Moss']) expect(json).not.toContain(value);
    expect(JSON.stringify(clear)).toContain('Ann Lee');
    // Same matrix: Ann → slot 0, Bo → slot 1, unseen Cy → "other", missing → all zeros.
    expect(Array.from(transform(hashed, parsed.snapshot, ALL))).toEqual(Array.from(transform(clear, parsed.snapshot, ALL)));
    const m = transform(hashed, parsed.snapshot, ALL);
    const width = hashed.outputNames.length;
    expect(Array.from(m.subarray(5 * width, 5 * width + 3))).toEqual([0, 0, 1]);
    expect(Array.from(m.subarray(6 * width, 6 * width + 3))).toEqual([0, 0, 0]);
  });
});
