import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../data/parse-csv.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import { checkCategoryValues } from './check-category-values.ts';

const FIRST = ['David', 'Maria', 'John', 'Aisha', 'Peter', 'Olga', 'Chen', 'Fatima', 'Lucas', 'Emma', 'Noah', 'Sofia'];
const TOPICS = ['the refund', 'a late payment'];

/**
 * 48 rows. notes: "called <first> about <topic>", 24 distinct phrases each used twice (so the profile calls it
 * categorical, not free text); rep: "<First> <Las>" truncated names, 12 distinct; region: 3 plain codes;
 * zone: 12 two-word codes ("zone 3"), spaced but neither phrases nor names.
 */
function csv(): string {
  const rows = Array.from({ length: 48 }, (_, i) => {
    const first = FIRST[i % 12];
    return [`called ${first} about ${TOPICS[Math.floor(i / 12) % 2]}`, `${first} ${['Smi', 'Gar', 'Oka'][i % 3]}`, ['north', 'south', 'east'][i % 3], `zone ${i % 12}`, i % 2];
  });
  return `notes,rep,region,zone,y\n${rows.map((r) => r.join(',')).join('\n')}\n`;
}

async function setup(): Promise<Snapshot> {
  const parsed = await parseCsv(new TextEncoder().encode(csv()), 'notes.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.snapshot;
}

function contract(snapshot: Snapshot, hashedColumns?: string[]): DataContract {
  return {
    schema: 1, revision: 1, snapshotId: snapshot.id, label: 'y', positiveClass: '1',
    roles: { notes: 'feature', rep: 'feature', region: 'feature', zone: 'feature', y: 'label' },
    labelTiming: null, rules: {}, missingTokens: [''], split: { policy: 'stratified-random', fractions: [0.6, 0.2, 0.2] }, dismissed: [],
    ...(hashedColumns ? { hashedColumns } : {}),
  };
}

describe('checkCategoryValues', () => {
  test('flags free-text notes and truncated names, not short codes or place names', async () => {
    const snapshot = await setup();
    const findings = checkCategoryValues(snapshot, contract(snapshot));
    expect(findings.map((f) => [f.id, f.status])).toEqual([['pii:values:notes', 'warn'], ['pii:values:rep', 'warn']]);
    // "called <first> about the refund" has 5 words, "… about a late payment" 6, in equal numbers: 5.5.
    expect(findings[0].message).toBe('The feature "notes" would write its values in clear into the bundle (preprocessing.json): its values read as free text (100% of rows have spaces between words, 5.5 words on average).');
    expect(findings[1].message).toContain('100% of its 12 distinct values look like personal names');
    // Shares and counts only: no value is quoted.
    for (const f of findings) for (const name of FIRST) expect(`${f.message} ${f.evidence}`).not.toContain(name);
  });

  test('a column that keeps its values out of the bundle, or is not a feature, is not flagged', async () => {
    const snapshot = await setup();
    expect(checkCategoryValues(snapshot, contract(snapshot, ['notes'])).map((f) => f.id)).toEqual(['pii:values:rep']);
    const asPii = { ...contract(snapshot), roles: { ...contract(snapshot).roles, rep: 'pii' as const } };
    expect(checkCategoryValues(snapshot, asPii).map((f) => f.id)).toEqual(['pii:values:notes']);
  });
});
