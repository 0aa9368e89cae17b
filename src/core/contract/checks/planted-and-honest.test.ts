import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../data/parse-csv.ts';
import { columnByName, type Snapshot } from '../../data/snapshot.ts';
import { profileSnapshot } from '../../profile/profile-column.ts';
import { suggestRoles } from '../suggest-roles.ts';
import { createRandom } from '../../random.ts';
import type { Role } from '../data-contract.ts';
import { createDataContract } from '../default-contract.ts';
import type { Finding } from '../finding.ts';
import { defaultPositiveClass, labelClasses } from '../label-classes.ts';
import { runChecks } from '../run-checks.ts';
import { seedRules } from './seed-rules.ts';

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, import.meta.url)));

async function load(bytes: Uint8Array, name: string): Promise<Snapshot> {
  const result = await parseCsv(bytes, name);
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

/** The checks as the app runs them on a fresh file: suggested roles, default positive class and split, seed 42. */
async function checksOf(bytes: Uint8Array, name: string, label: string, roles: Record<string, Role> = {}, positive?: string): Promise<Finding[]> {
  const snapshot = await load(bytes, name);
  const suggestions = suggestRoles(snapshot, profileSnapshot(snapshot), label);
  const positiveClass = positive ?? defaultPositiveClass(labelClasses(columnByName(snapshot, label))) ?? '';
  const base = createDataContract(snapshot, label, positiveClass, suggestions, seedRules(snapshot));
  const report = runChecks(snapshot, { ...base, roles: { ...base.roles, ...roles } }, 42);
  if (report.splitError) throw new Error(report.splitError);
  return [...report.validation, ...report.leakage];
}

/** Findings a user must dismiss with a typed reason: fail, or warn that is not a one-click strong signal. */
const typed = (findings: readonly Finding[]): string[] => findings.filter((f) => f.status === 'fail' || (f.status === 'warn' && !f.strongSignal)).map((f) => f.id);
const statusOf = (findings: readonly Finding[], id: string): string | undefined => findings.find((f) => f.id === id)?.status;

const csv = (header: string, rows: readonly (readonly (string | number)[])[]): Uint8Array =>
  new TextEncoder().encode(`${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`);

/** n rows of an honest binary problem: x1 weakly shifted by y, x2 noise, y with rate 0.3, shuffled order. */
function honestRows(n: number, seed: number): { y: number[]; x1: string[]; x2: string[] } {
  const random = createRandom(seed);
  const y: number[] = [];
  const x1: string[] = [];
  const x2: string[] = [];
  for (let i = 0; i < n; i++) {
    y.push(random.next() < 0.3 ? 1 : 0);
    x1.push((random.next() * 10 + y[i] * 2).toFixed(2));
    x2.push((random.next() * 5).toFixed(2));
  }
  return { y, x1, x2 };
}

describe('planted leaks are flagged at least WARN', () => {
  test('a numeric and a categorical label copy with 2% noise, binary', async () => {
    const random = createRandom(11);
    const { y, x1, x2 } = honestRows(1000, 3);
    const rows = y.map((v, i) => {
      const flip = (a: number): number => (random.next() < 0.02 ? 1 - a : a);
      return [x1[i], x2[i], (flip(v) * 10 + random.next()).toFixed(3), flip(v) ? 'closed_won' : 'open', v];
    });
    const findings = await checksOf(csv('x1,x2,score_copy,stage,y', rows), 'copies.csv', 'y');
    for (const id of ['leak:single-feature:score_copy', 'leak:single-feature:stage']) {
      expect(['warn', 'fail']).toContain(statusOf(findings, id));
      expect(findings.find((f) => f.id === id)?.strongSignal).toBeUndefined();
    }
    expect(typed(findings).filter((id) => id.includes('x1') || id.includes('x2'))).toEqual([]);
  });

  test('multiclass: a noisy copy of a class that is not the positive one is caught and names that class', async () => {
    // Classes sun 50%, rain 35%, snow 15% (positive: the minority, snow); is_sunny copies "sun" with 2% flips.
    const random = createRandom(5);
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 900; i++) {
      const u = random.next();
      const weather = u < 0.5 ? 'sun' : u < 0.85 ? 'rain' : 'snow';
      const sunny = (weather === 'sun') !== (random.next() < 0.02);
      rows.push([(random.next() * 20).toFixed(1), sunny ? 'yes' : 'no', weather]);
    }
    const findings = await checksOf(csv('wind,is_sunny,weather', rows), 'weather.csv', 'weather');
    const copy = findings.find((f) => f.id === 'leak:single-feature:is_sunny');
    expect(copy?.status).toBe('warn');
    expect(copy?.message).toContain('class "sun" (one-vs-rest)');
    expect(copy?.strongSignal).toBeUndefined();
  });

  test('a file sorted by the label, and an ID assigned in label order', async () => {
    const { y, x1 } = honestRows(400, 8);
    const sorted = y.map((v, i) => [x1[i], v] as const).sort((a, b) => a[1] - b[1]);
    const findings = await checksOf(csv('x1,y', sorted.map(([x, v]) => [x, v])), 'sorted.csv', 'y');
    expect(statusOf(findings, 'leak:row-order')).toBe('warn');
    // The same rows shuffled, with record_id numbering the negatives first: the ID carries the order.
    const order = Array.from(sorted.keys()).sort((a, b) => ((a * 7919) % 401) - ((b * 7919) % 401));
    const withId = order.map((k) => [k + 1000, sorted[k][0], sorted[k][1]]);
    const ided = await checksOf(csv('record_id,x1,y', withId), 'ids.csv', 'y', { record_id: 'feature' });
    expect(['warn', 'fail']).toContain(statusOf(ided, 'leak:id-like:record_id'));
    expect(statusOf(ided, 'leak:single-feature:record_id')).toBe('fail');
    expect(statusOf(ided, 'leak:row-order')).toBe('pass');
  });

  test('a date recorded after the event time, and an entity in several splits', async () => {
    const random = createRandom(21);
    const day = 86_400_000;
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 300; i++) {
      const event = Date.parse('2024-01-01T00:00:00Z') + i * day;
      const closed = new Date(event + (1 + (i % 9)) * day).toISOString().slice(0, 10);
      rows.push([`C${i % 40}`, new Date(event).toISOString().slice(0, 10), closed, (random.next() * 3).toFixed(2), random.next() < 0.3 ? 1 : 0]);
    }
    const findings = await checksOf(csv('customer_id,event_date,closed_date,amount,y', rows), 'events.csv', 'y', {
      customer_id: 'entity_key', event_date: 'event_time', closed_date: 'feature',
    });
    expect(statusOf(findings, 'leak:future-date:closed_date')).toBe('fail');
    // Under the default time split, 40 customers recurring over 300 days reach every split.
    expect(statusOf(findings, 'leak:entity-overlap:customer_id')).toBe('warn');
  });

  test('Titanic: boat and body', async () => {
    const findings = await checksOf(read('../../../../public/samples/titanic.csv'), 'titanic.csv', 'survived');
    expect(statusOf(findings, 'leak:single-feature:boat')).toBe('warn');
    const body = findings.find((f) => f.id === 'leak:pattern:body');
    expect(body?.status).toBe('warn');
    expect(body?.strongSignal).toBeUndefined();
    expect(body?.evidence).toMatch(/^Support \d+ of 785 training rows; purity 100% "0"/);
    expect(body?.exampleRows?.length).toBe(5);
  });

  test('a sparse post-outcome repair cost: filled for 14.5% of damaged rows, 80% of filled rows damaged', async () => {
    // 4000 strikes, 10% damaged (400); 58 damaged rows carry a cost, and 15 undamaged ones do (purity 58/73 = 0.79).
    const random = createRandom(2);
    const rows: (string | number)[][] = [];
    let damagedCosts = 0;
    let otherCosts = 0;
    for (let i = 0; i < 4000; i++) {
      const damaged = i % 10 === 3 ? 1 : 0;
      let cost = '';
      if (damaged && damagedCosts < 58) { cost = String(1000 + random.nextInt(90000)); damagedCosts++; }
      if (!damaged && i % 240 === 7 && otherCosts < 15) { cost = String(100 + random.nextInt(900)); otherCosts++; }
      rows.push([(random.next() * 300).toFixed(0), random.nextInt(12), cost, damaged]);
    }
    const findings = await checksOf(csv('Speed,Month,Cost Repair,damaged', rows), 'strikes.csv', 'damaged');
    const cost = findings.find((f) => f.id === 'leak:pattern:Cost Repair');
    expect(cost?.status).toBe('warn');
    expect(cost?.strongSignal).toBeUndefined();
    expect(cost?.evidence).toMatch(/purity (7\d|8\d)(\.\d)?% "1" against a base rate of 10%/);
    expect(statusOf(findings, 'leak:single-feature:Cost Repair')).toBeUndefined();
  });
});

describe('big files', () => {
  test('past 20,000 training rows the per-feature screens read a seeded sample of 20,000, and still catch a copy', async () => {
    const { y, x1, x2 } = honestRows(40_000, 4);
    const rows = y.map((v, i) => [x1[i], x2[i], v ? 'won' : 'lost', v]);
    const findings = await checksOf(csv('x1,x2,result_code,y', rows), 'big.csv', 'y');
    const copy = findings.find((f) => f.id === 'leak:single-feature:result_code');
    expect(copy?.status).toBe('fail');
    expect(copy?.evidence).toContain('on 20000 training rows');
  });
});

describe('honest data needs no typed dismissal', () => {
  test('breast cancer: strong real features are one-click strong signals, nothing typed', async () => {
    const findings = await checksOf(read('../../../../public/samples/breast_cancer.csv'), 'breast_cancer.csv', 'target');
    expect(typed(findings)).toEqual([]);
    expect(findings.filter((f) => f.strongSignal).length).toBe(8);
  });

  test('penguins: only the genuine row order (the file is sorted by species) needs a reason', async () => {
    const findings = await checksOf(read('../../../../test/data/penguins.csv'), 'penguins.csv', 'Species');
    expect(typed(findings)).toEqual(['leak:row-order']);
    expect(findings.find((f) => f.id === 'leak:row-order')?.message).toContain('class "Adelie"');
  });

  test('Seattle weather: quiet, and classes missing from a split are named before training', async () => {
    const bytes = read('../../../../test/data/seattle-weather.csv');
    const findings = await checksOf(bytes, 'seattle-weather.csv', 'weather');
    expect(typed(findings)).toEqual([]);
    expect(statusOf(findings, 'leak:duplicate-rows')).toBe('pass');
  });
});
