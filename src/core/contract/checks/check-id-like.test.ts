import { describe, expect, test } from 'vitest';
import { checkIdLikeColumns, isIdLike } from './check-id-like.ts';
import { allRows, contractFor, snapshotFromCsv } from './test-fixtures.ts';

// 20 rows sorted by outcome: y = 0 on rows 0..9, 1 on 10..19; "id" counts up, "score" is continuous.
async function sorted(): Promise<{ csv: string; y: Uint8Array }> {
  const y = Uint8Array.from({ length: 20 }, (_, i) => (i >= 10 ? 1 : 0));
  const lines = ['id,score,code,y', ...Array.from(y, (v, i) => `${1000 + i},${(i * 0.37).toFixed(2)},${i % 3},${v}`)];
  return { csv: `${lines.join('\n')}\n`, y };
}

describe('checkIdLikeColumns', () => {
  test('the row order and an ID counting up with the outcome both warn; a continuous measure is not an ID', async () => {
    const { csv, y } = await sorted();
    const contract = contractFor('y', '1', { id: 'feature', score: 'feature', code: 'feature', y: 'label' });
    const findings = checkIdLikeColumns(await snapshotFromCsv(csv), contract, [{ name: '1', y }], allRows(20));
    expect(findings.map((f) => [f.id, f.status])).toEqual([['leak:row-order', 'warn'], ['leak:id-like:id', 'warn']]);
    expect(findings[1].evidence).toBe('20 distinct whole numbers in 20 non-missing cells; AUC 1.000 against the label on 20 training rows.');
  });

  test('shuffled labels pass; ID-like entity keys are checked too', async () => {
    const { csv } = await sorted();
    const y = Uint8Array.from({ length: 20 }, (_, i) => (i % 2));
    const contract = contractFor('y', '1', { id: 'entity_key', y: 'label' });
    const findings = checkIdLikeColumns(await snapshotFromCsv(csv), contract, [{ name: '1', y }], allRows(20));
    expect(findings.map((f) => [f.id, f.status])).toEqual([['leak:row-order', 'pass'], ['leak:id-like:id', 'pass']]);
  });

  test('isIdLike needs whole numbers, nearly all distinct', async () => {
    const snapshot = await snapshotFromCsv('a,b,c\n1,1.5,1\n2,2.5,1\n3,3.5,2\n4,4.5,3\n');
    const [a, b, c] = snapshot.columns;
    if (a.type !== 'numeric' || b.type !== 'numeric' || c.type !== 'numeric') throw new Error('expected numeric columns');
    expect([isIdLike(a, 4), isIdLike(b, 4), isIdLike(c, 4)]).toEqual([true, false, false]);
  });
});

describe('checkIdLikeColumns per class', () => {
  test('a file sorted by a three-class label warns on the class farthest from 0.5; a class under 10 rows is not judged', async () => {
    // Rows 0..29: a, 30..59: b, 60..89: c. Against "a" the row number has AUC 0 (a comes first).
    const lines = ['x,cls'];
    const cls = Array.from({ length: 90 }, (_, i) => 'abc'[Math.floor(i / 30)]);
    cls.forEach((c, i) => lines.push(`${(i * 37) % 11},${c}`));
    const snapshot = await snapshotFromCsv(`${lines.join('\n')}\n`);
    const contract = contractFor('cls', 'c', { x: 'feature', cls: 'label' });
    const targets = ['a', 'b', 'c'].map((name) => ({ name, y: Uint8Array.from(cls, (c) => (c === name ? 1 : 0)) }));
    const [order] = checkIdLikeColumns(snapshot, contract, targets, allRows(90));
    expect(order).toMatchObject({ id: 'leak:row-order', status: 'warn' });
    expect(order.message).toBe('The row order tracks class "a" (one-vs-rest): the file looks sorted or appended by outcome.');
    expect(order.evidence).toBe('AUC 0.000 of the row number against class "a" on 90 training rows.');
    // Training rows 0..8 and 30..89: 9 rows of "a" are too few to judge, so its AUC of 0 is not reported; "c" (AUC 1) is.
    const few = checkIdLikeColumns(snapshot, contract, targets, Int32Array.from([...Array(9).keys(), ...Array.from({ length: 60 }, (_, i) => 30 + i)]));
    expect(few.find((f) => f.id === 'leak:row-order')?.evidence).toBe('AUC 1.000 of the row number against class "c" on 69 training rows.');
  });

  test('under a time split the row order is time order and is not judged', async () => {
    const snapshot = await snapshotFromCsv('x,y\n1,0\n2,0\n3,0\n4,0\n5,0\n6,0\n7,0\n8,0\n9,0\n10,0\n11,1\n12,1\n13,1\n14,1\n15,1\n16,1\n17,1\n18,1\n19,1\n20,1\n');
    const timed = { ...contractFor('y', '1', { x: 'ignore', y: 'label' }), split: { policy: 'time', column: 'x', cuts: [5, 15] } as const };
    const y = Uint8Array.from({ length: 20 }, (_, i) => (i >= 10 ? 1 : 0));
    expect(checkIdLikeColumns(snapshot, timed, [{ name: '1', y }], allRows(20))).toEqual([]);
  });
});
