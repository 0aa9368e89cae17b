import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../data/parse-csv.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { ColumnProfile } from '../data/column-profile.ts';
import { profileSnapshot } from './profile-column.ts';
import { suggestRoles, type RoleSuggestion } from '../contract/suggest-roles.ts';

let snapshot: Snapshot;
let profiles: ColumnProfile[];
let suggestions: RoleSuggestion[];
const profile = (name: string): ColumnProfile => profiles.find((p) => p.name === name) as ColumnProfile;
const roleOf = (name: string): string | undefined => suggestions.find((s) => s.column === name)?.role;

beforeAll(async () => {
  const bytes = readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url));
  const result = await parseCsv(bytes, 'titanic.csv');
  if (!result.ok) throw new Error(result.error.message);
  snapshot = result.snapshot;
  profiles = profileSnapshot(snapshot);
  suggestions = suggestRoles(snapshot, profiles, 'survived');
});

describe('titanic.csv', () => {
  test('kinds: class and counts are integers, age and fare numeric, name free text, sex categorical', () => {
    const kinds = Object.fromEntries(profiles.map((p) => [p.name, p.kind]));
    expect(kinds).toMatchObject({ pclass: 'integer', survived: 'integer', name: 'text', sex: 'categorical', age: 'numeric', sibsp: 'integer', fare: 'numeric', embarked: 'categorical' });
  });

  test('sex counts, pclass bins and the age summary', () => {
    expect(profile('sex').top).toEqual([{ value: 'male', count: 843 }, { value: 'female', count: 466 }]);
    expect(profile('pclass').histogram?.map((b) => b.count)).toEqual([323, 277, 709]);
    const age = profile('age');
    expect(age.missing).toBe(263);
    expect(age.quantiles).toMatchObject({ p0: 0.1667, p25: 21, p50: 28, p75: 39, p100: 80 });
    expect(age.histogram?.reduce((n, b) => n + b.count, 0)).toBe(1309 - 263);
  });

  test('flags: cabin is mostly missing and high-cardinality; ticket mixes numbers and text', () => {
    expect(profile('cabin').flags.map((f) => f.kind)).toEqual(['high-cardinality', 'mostly-missing']);
    expect(profile('cabin').flags[1].message).toBe('77% of cells are missing (1,014 of 1,309 rows).');
    expect(profile('ticket').flags.map((f) => f.kind)).toContain('high-cardinality');
    expect(profile('pclass').flags).toEqual([]);
  });

  test('name and home.dest are PII; pclass, sex, age, fare and the label are not', () => {
    expect(roleOf('name')).toBe('pii');
    expect(roleOf('home.dest')).toBe('pii');
    for (const honest of ['pclass', 'sex', 'age', 'fare', 'embarked', 'survived']) expect(roleOf(honest)).toBeUndefined();
    expect(suggestions.find((s) => s.column === 'name')?.reason).toMatch(/^The header "name" names a person, and \d+% of sampled values look like personal names\.$/);
  });
});
