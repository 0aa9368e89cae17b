import { describe, expect, test } from 'vitest';
import { checkLabel } from './check-label.ts';
import { contractFor, snapshotFromCsv } from './test-fixtures.ts';

describe('checkLabel', () => {
  test('one class among labelled rows fails in plain words; unlabelled rows warn', async () => {
    const snapshot = await snapshotFromCsv('x,y\n1,1\n2,\n3,1\n4,NA\n');
    const [missing, classes] = checkLabel(snapshot, contractFor('y', '1', { y: 'label' }));
    expect(missing).toMatchObject({ id: 'validate:missing-label:y', status: 'warn', count: 2, exampleRows: [1, 3] });
    expect(classes).toMatchObject({ id: 'validate:label-classes:y', status: 'fail', count: 2 });
    expect(classes.message).toBe('Every labelled row of "y" is "1": a model needs both classes to learn anything.');
  });

  test('an absent positive class fails and names the values found', async () => {
    const snapshot = await snapshotFromCsv('y\nno\nmaybe\nno\n');
    const [, classes] = checkLabel(snapshot, contractFor('y', 'yes', {}));
    expect(classes.status).toBe('fail');
    expect(classes.message).toBe('No labelled row of "y" is the positive class "yes": a model needs both classes to learn anything.');
    expect(classes.evidence).toBe('Values among 3 labelled rows: "no" (2), "maybe" (1).');
  });

  test('two classes and no missing labels pass; an absent label column gives no finding', async () => {
    const snapshot = await snapshotFromCsv('y\n1\n0\n0\n0\n');
    const findings = checkLabel(snapshot, contractFor('y', '1', {}));
    expect(findings.map((f) => f.status)).toEqual(['pass', 'pass']);
    expect(findings[1].message).toBe('"y" has both classes: 1 of 4 labelled rows (25%) are "1".');
    expect(checkLabel(snapshot, contractFor('other', '1', {}))).toEqual([]);
  });
});
