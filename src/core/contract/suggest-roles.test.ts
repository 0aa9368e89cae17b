import { describe, expect, test } from 'vitest';
import type { CategoricalColumn, Column } from '../data/column.ts';
import { parseCsv } from '../data/parse-csv.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { profileSnapshot } from '../profile/profile-column.ts';
import { sampleTexts } from '../profile/sample-texts.ts';
import { suggestRoles, type RoleSuggestion } from './suggest-roles.ts';

const N = 30;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const FIRST = ['Ann', 'Bob', 'Cara', 'Dan', 'Eve', 'Finn'];
const LAST = ['Lee', 'Moss', 'Nash', 'Ortiz', 'Park'];

/** A CSV of N rows from per-column cell makers; cells are quoted so commas in names survive. */
async function table(columns: Record<string, (i: number) => string>): Promise<Snapshot> {
  const names = Object.keys(columns);
  const rows = range(N).map((i) => names.map((n) => `"${columns[n](i)}"`).join(','));
  const result = await parseCsv(new TextEncoder().encode(`${names.join(',')}\n${rows.join('\n')}\n`), 't.csv');
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

function suggest(s: Snapshot, label: string | null = null): RoleSuggestion[] {
  return suggestRoles(s, profileSnapshot(s), label);
}

const roles = (xs: RoleSuggestion[]): Record<string, string> => Object.fromEntries(xs.map((x) => [x.column, x.role]));

describe('suggestRoles: PII', () => {
  test('e-mail and phone values are PII whatever the header says', async () => {
    const s = await table({
      contact: (i) => (i % 10 === 0 ? 'none' : `user${i}@example.com`),
      reach: (i) => [`+1 555-123-45${10 + i}`, `(555) 201-33${10 + i}`, `07700 9001${10 + i}`][i % 3],
    });
    expect(suggest(s)).toEqual([
      { column: 'contact', role: 'pii', reason: '90% of sampled values look like e-mail addresses.' },
      { column: 'reach', role: 'pii', reason: '100% of sampled values look like phone numbers.' },
    ]);
  });

  test('person names by header (Titanic style) and by values alone', async () => {
    const s = await table({
      passenger: (i) => `${LAST[i % 5]}, ${['Mr.', 'Mrs.', 'Miss.'][i % 3]} ${FIRST[i % 6]} ${LAST[(i + 2) % 5]}`,
      who: (i) => `${FIRST[i % 6]} ${LAST[i % 5]} ${FIRST[(i + 1) % 6]}son`,
    });
    const out = suggest(s);
    expect(out[0]).toEqual({ column: 'passenger', role: 'pii', reason: 'The header "passenger" names a person, and 100% of sampled values look like personal names.' });
    expect(out[1]).toEqual({ column: 'who', role: 'pii', reason: '100% of sampled values look like personal names ("Last, Title. First" or capitalised words).' });
  });

  test('a person noun in the header needs name-like values: passenger_type is not PII', async () => {
    const s = await table({ passenger_type: (i) => ['adult', 'child', 'infant'][i % 3], passenger: (i) => (i % 2 ? 'crew' : 'guest') });
    expect(suggest(s)).toEqual([]);
  });

  test('free text, addresses and identifying headers on numbers are PII', async () => {
    const s = await table({
      comment: (i) => `customer called on day ${i} about billing`,
      street_address: (i) => `${i} High St`,
      phone: (i) => String(5551230000 + i),
      ssn: (i) => String(100000000 + i * 7),
    });
    const out = suggest(s);
    expect(roles(out)).toEqual({ comment: 'pii', street_address: 'pii', phone: 'pii', ssn: 'pii' });
    expect(out[0].reason).toMatch(/^Free text \(30 distinct values/);
    expect(out[2].reason).toBe('The header "phone" names a phone number.');
  });

  test('honest columns get no suggestion: measurements, sex, pclass, embarked, home_ownership, a few cities, counts', async () => {
    const s = await table({
      height_cm: (i) => String(150 + (i % 7) * 4.5),
      sex: (i) => (i % 2 ? 'male' : 'female'),
      pclass: (i) => String(1 + (i % 3)),
      embarked: (i) => 'SCQ'[i % 3],
      home_ownership: (i) => ['RENT', 'OWN', 'MORTGAGE'][i % 3],
      city: (i) => ['Oslo', 'Bergen', 'New York'][i % 3],
      phone_count: (i) => String(i % 3),
      name_length: (i) => String(5 + (i % 9)),
    });
    expect(suggest(s)).toEqual([]);
  });

  test('the label column gets no suggestion even when it looks like PII', async () => {
    const s = await table({ email: (i) => `u${i}@example.com`, x: (i) => String(i % 4) });
    expect(suggest(s, 'email')).toEqual([]);
  });
});

describe('suggestRoles: keys and time', () => {
  test('passenger_id is the entity key; a unique code and a row number are ignored', async () => {
    const s = await table({ passenger_id: (i) => String(i + 1), code: (i) => `Z${(i * 37) % 101}`, 'Unnamed: 0': (i) => String(i), fare: (i) => String(i % 5) });
    const out = suggest(s);
    expect(roles(out)).toEqual({ passenger_id: 'entity_key', code: 'ignore', 'Unnamed: 0': 'ignore' });
    expect(out[0].reason).toBe('Every one of the 30 present values is unique and the header "passenger_id" names an identifier of an entity.');
  });

  test('a repeating customer_id beats a unique order_id, which is then ignored', async () => {
    const s = await table({ order_id: (i) => String(1000 + i), customer_id: (i) => `C${i % 20}` });
    const out = suggest(s);
    expect(roles(out)).toEqual({ order_id: 'ignore', customer_id: 'entity_key' });
    expect(out[0].reason).toMatch(/but "customer_id" is suggested as the entity key\.$/);
    expect(out[1].reason).toMatch(/20 values repeat over 30 rows \(1\.5 each on average\)/);
  });

  test('the datetime column with the best header becomes the event time; updated_at never does', () => {
    const day = 86_400_000;
    const dates = (offset: number): Float64Array => Float64Array.from(range(N), (i) => (offset + i) * day);
    const columns: Column[] = [
      { name: 'updated_at', type: 'datetime', format: 'iso', values: dates(19000), missing: 0, distinct: N },
      { name: 'signup', type: 'datetime', format: 'iso', values: dates(18000), missing: 0, distinct: N },
      { name: 'created_at', type: 'datetime', format: 'iso', values: dates(18262), missing: 0, distinct: N },
    ];
    const s: Snapshot = { id: 'x', fileName: 'd.csv', byteLength: 0, rowCount: N, delimiter: ',', columns, warnings: [] };
    expect(suggest(s)).toEqual([
      { column: 'created_at', role: 'event_time', reason: 'A datetime column (2020-01-01 to 2020-01-30) whose header says when the event happened.' },
    ]);
    const only: Snapshot = { ...s, columns: [{ ...columns[0], name: 'when' }] };
    expect(roles(suggest(only))).toEqual({ when: 'event_time' });
  });
});

test('sampleTexts takes at most 2000 evenly spaced present cells, deterministically', () => {
  const n = 10_001;
  const codes = Int32Array.from({ length: n }, (_, i) => (i === 0 ? -1 : i));
  const column: CategoricalColumn = { name: 'c', type: 'categorical', codes, categories: range(n).map(String), missing: 1, distinct: n - 1 };
  const sample = sampleTexts(column);
  expect(sample).toHaveLength(2000);
  expect(sample.slice(0, 3)).toEqual(['1', '6', '11']);
  expect(sample[1999]).toBe('9996');
  expect(sampleTexts(column, 20_000)).toHaveLength(10_000);
});

describe('suggestRoles: a header word alone is not PII', () => {
  test('"Airport Name" holding airports is a feature; a bare "Name" needs name-like values', async () => {
    const airports = ['DENVER INTL AIRPORT', 'Denver International', 'Sacramento International', 'KANSAS CITY INTL', 'Chicago O\'Hare'];
    const s = await table({
      'Airport Name': (i) => airports[i % 5],
      Name: (i) => `${FIRST[i % 6]} ${LAST[i % 5]}`,
      name: (i) => `widget-${i % 7}`,
    });
    const r = roles(suggest(s));
    expect(r['Airport Name']).toBeUndefined();
    expect(r.Name).toBe('pii');
    expect(r.name).toBeUndefined();
  });
});
