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
