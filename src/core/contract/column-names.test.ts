import { describe, expect, test } from 'vitest';
import { parseCsv } from '../data/parse-csv.ts';
import type { Snapshot } from '../data/snapshot.ts';
import { seedRules } from './checks/seed-rules.ts';
import { completeContract } from './complete-contract.ts';
import { parseDataContract } from './contract-schema.ts';
import { createDataContract } from './default-contract.ts';
import { toRunContract } from './contract.ts';

// Issue 11 items 3 and 7: column names that are Object.prototype members, empty or invisible; contradictory contracts.
const ZW = '\u200b';

async function snapshot(text: string): Promise<Snapshot> {
  const result = await parseCsv(new TextEncoder().encode(text), 'names.csv');
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

const FILE = `__proto__,constructor,${ZW},toString,y\n1,a,3,x,0\n2,b,4,y,1\n3,a,5,x,0\n4,b,6,y,1\n`;

describe('any column name works', () => {
  test('a new contract gives every column a role and rule, and every feature reaches the run contract', async () => {
    const s = await snapshot(FILE);
    const contract = createDataContract(s, 'y', '1', [], seedRules(s));
    expect(Object.keys(contract.roles)).toEqual(['__proto__', 'constructor', ZW, 'toString', 'y']);
    expect(Object.keys(contract.rules)).toEqual(['__proto__', 'constructor', ZW, 'toString', 'y']);
    expect(contract.rules.__proto__).toMatchObject({ min: 1, max: 4, required: true });
    expect(toRunContract(contract).features).toEqual(['__proto__', 'constructor', ZW, 'toString']);
    // An absent name looks up as absent, not as an Object.prototype member.
    expect(contract.roles.hasOwnProperty).toBeUndefined();
  });

  test('a hand-written contract keeps roles and rules for __proto__, constructor and an empty name', async () => {
    const s = await snapshot(`__proto__,constructor,,y\n1,a,3,0\n2,b,4,1\n`);
    const json = JSON.parse(`{"label":"y","roles":{"__proto__":"pii","constructor":"ignore","column_3":"slice"},"rules":{"__proto__":{"maxNullRate":0.5}}}`);
    const contract = completeContract(s, json, [], seedRules(s));
    expect({ ...contract.roles }).toEqual({ ['__proto__']: 'pii', constructor: 'ignore', column_3: 'slice', y: 'label' });
    expect(Object.getOwnPropertyNames(contract.roles)).toContain('__proto__');
    expect(contract.rules.__proto__).toEqual({ maxNullRate: 0.5 });
    expect(toRunContract(contract).features).toEqual([]);
  });

  test('the schema round-trips such names through JSON and through a structured clone (IndexedDB)', async () => {
    const s = await snapshot(FILE);
    const contract = createDataContract(s, 'y', '1', [{ column: 'constructor', role: 'pii' }], seedRules(s));
    const text = JSON.stringify(contract);
    expect(text).toContain('"__proto__":"feature"');
    for (const stored of [JSON.parse(text) as unknown, structuredClone(contract)]) {
      const parsed = parseDataContract(stored);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(JSON.stringify(parsed.contract)).toBe(text);
      expect(parsed.contract.roles.constructor).toBe('pii');
      expect(parsed.contract.roles.__proto__).toBe('feature');
    }
  });
});

describe('contradictory or dangling contracts are refused with the column named', () => {
  const csv = 'id,t,x,y\n1,2024-01-01,3,0\n2,2024-01-02,4,1\n3,2024-01-03,5,0\n4,2024-01-04,6,1\n';
  const complete = async (json: unknown): Promise<string> => {
    const s = await snapshot(csv);
    try {
      completeContract(s, json, [], seedRules(s));
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };

  test('a split, label-timing or rule column that is not in the file', async () => {
    expect(await complete({ label: 'y', split: { policy: 'group', column: 'nosuch', fractions: [0.6, 0.2, 0.2] } })).toBe('split.column names column "nosuch", which is not in names.csv');
    expect(await complete({ label: 'y', labelTiming: { kind: 'column', column: 'when' } })).toBe('labelTiming.column names column "when", which is not in names.csv');
    expect(await complete({ label: 'y', rules: { 'ghost\ncol': { min: 0 } } })).toBe('rules["ghost\\ncol"] names column "ghost\\ncol", which is not in names.csv');
  });

  test('infinite bounds, min above max, two labels, and the label given another role', async () => {
    expect(await complete(JSON.parse('{"label":"y","rules":{"x":{"min":1e999}}}'))).toBe('rules["x"].min: must be a finite number');
    expect(await complete({ label: 'y', rules: { x: { min: 5, max: 1 } } })).toBe('rules["x"]: min must not be greater than max');
    expect(await complete({ label: 'y', roles: { x: 'label' } })).toBe('roles["x"] is "label" but the contract\'s label is "y"; a contract has one label');
    expect(await complete({ label: 'y', roles: { y: 'feature' } })).toBe('roles["y"] is "feature" but "y" is the contract\'s label');
  });

  test('a stored contract with two labels does not parse', async () => {
    const s = await snapshot(csv);
    const contract = createDataContract(s, 'y', '1', [], seedRules(s));
    const parsed = parseDataContract({ ...contract, roles: { ...contract.roles, x: 'label' } });
    expect(parsed).toEqual({ ok: false, message: 'roles["x"] is "label" but the contract\'s label is "y"; a contract has one label' });
  });

  test('a rule that only requires a missing column is left to the required-column check', async () => {
    expect(await complete({ label: 'y', rules: { gone: { required: true } } })).toBe('accepted');
  });
});
