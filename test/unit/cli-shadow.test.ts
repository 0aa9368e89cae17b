import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from './cli-runner.ts';
import { readPlainCsv, TITANIC, TITANIC_CONTRACT, trainTitanic } from './scoring-fixtures.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'mle-shadow-'));
let lr: { dir: string; zip: string };
let mlp: { dir: string; zip: string };

beforeAll(async () => {
  [lr, mlp] = await Promise.all([trainTitanic('logistic'), trainTitanic('mlp')]);
}, 180_000);

/** Titanic with an `id` column (row number) in front, rewritten by `edit`, in a temp file; also the parsed rows. */
function snapshot(edit: (header: string[], rows: string[][]) => void = () => {}): { path: string; header: string[]; rows: string[][] } {
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(TITANIC, 'utf8').trim(), {}).data;
  const h = ['id', ...header];
  const r = rows.map((row, i) => [`p${i + 1}`, ...row]);
  edit(h, r);
  const path = join(tmp(), 'snapshot.csv');
  writeFileSync(path, `${Papa.unparse([h, ...r])}\n`);
  return { path, header: h, rows: r };
}

function threshold(zip: string): number {
  return (JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(zip)))['inference-contract.json'])) as { threshold: number }).threshold;
}

interface Feedback {
  coverage: { rows: number; labelled: number; unlabelled: number };
  realised: Record<string, number | null>;
  intervals: Record<string, { lo: number | null; hi: number | null }>;
  promised: Record<string, number | null>;
}

describe('mle-playground score --labels', () => {
  test('labels joined by key arrive for two rows in three: coverage counts the rest, realised metrics equal evaluate\'s', async () => {
    // The new snapshot has no label; a later file brings it for rows whose number is not a multiple of 3.
    const snap = snapshot((header, rows) => {
      const s = header.indexOf('survived');
      header.splice(s, 1);
      for (const row of rows) row.splice(s, 1);
    });
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(TITANIC, 'utf8').trim(), {}).data;
    const s = header.indexOf('survived');
    const labelRows = rows.flatMap((row, i) => ((i + 1) % 3 === 0 ? [] : [[`p${i + 1}`, row[s]]]));
    const dir = tmp();
    const labels = join(dir, 'labels.csv');
    writeFileSync(labels, `${Papa.unparse([['survived', 'id'], ...labelRows.map(([id, y]) => [y, id])])}\n`);
    const out = join(dir, 'scored.csv');
    const fb = join(dir, 'feedback.json');
    const run = await cli(['score', lr.zip, snap.path, '--out', out, '--labels', labels, '--key', 'id', '--feedback', fb]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const feedback = JSON.parse(readFileSync(fb, 'utf8')) as Feedback;
    expect(feedback.coverage).toMatchObject({ rows: 1309, labelled: labelRows.length, unlabelled: 1309 - labelRows.length });
    expect(labelRows.length).toBe(873);
    expect((JSON.parse(run.stdout) as { feedback: { labelled: number } }).feedback.labelled).toBe(873);
    // The same rows, scores and labels through `evaluate` at the bundle's threshold.
    const byId = new Map(labelRows.map(([id, y]) => [id, y]));
    const scored = readPlainCsv(out);
    const evalRows = scored.flatMap((r) => {
      const y = byId.get(`p${r.row}`);
      return y === undefined ? [] : [[r.score, y]];
    });
    const evalCsv = join(dir, 'eval.csv');
    writeFileSync(evalCsv, `${Papa.unparse([['score', 'survived'], ...evalRows])}\n`);
    const t = threshold(lr.zip);
    const ev = await cli(['evaluate', evalCsv, '--label', 'survived', '--score', 'score', '--positive', '1', '--threshold', String(t), '--bootstrap', '0']);
    expect(ev.code).toBe(0);
    const report = JSON.parse(ev.stdout) as Record<string, number | null>;
    for (const m of ['n', 'tp', 'fp', 'tn', 'fn', 'precision', 'recall', 'f1', 'accuracy', 'roc_auc', 'average_precision', 'brier']) {
      expect(feedback.realised[m], m).toBeCloseTo(report[m] as number, 12);
    }
    expect(feedback.intervals.recall.lo).toBeLessThan(feedback.realised.recall as number);
    const metrics = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(lr.zip)))['metrics.json'])) as Record<string, number>;
    expect(feedback.promised.roc_auc).toBe(metrics.roc_auc);
  });

  test('without --labels the snapshot\'s own label column gives the feedback; a repeated key in a labels file exits 2', async () => {
    const snap = snapshot();
    const out = join(tmp(), 'scored.csv');
    const run = await cli(['score', lr.zip, snap.path, '--out', out]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { feedback: { labelled: number; unlabelled: number; report: Feedback } };
    expect(summary.feedback).toMatchObject({ labelled: 1309, unlabelled: 0 });
    const labels = join(tmp(), 'labels.csv');
    writeFileSync(labels, 'id,survived\np1,1\np2,0\np1,0\n');
    const bad = await cli(['score', lr.zip, snap.path, '--out', out, '--labels', labels, '--key', 'id']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('mle-playground: labels.csv row 3: key "p1" repeats (first on row 1)');
  });
});

test('score --labels --time: joined on key and event time, coverage by age of the event time', async () => {
  // Row i happened i days before the newest row (row 1); labels came for the first 20 rows, one of them at a wrong time.
  const day = (i: number) => new Date(Date.UTC(2026, 10, 30) - (i - 1) * 86_400_000).toISOString().slice(0, 10);
  const snap = snapshot((header, rows) => {
    header.push('seen');
    rows.forEach((row, i) => row.push(day(i + 1)));
  });
  const dir = tmp();
  const labels = join(dir, 'labels.csv');
  const s = snap.header.indexOf('survived');
  const lines = snap.rows.slice(0, 20).map((row, i) => [row[0], i === 9 ? day(99) : day(i + 1), row[s]]);
  writeFileSync(labels, `${Papa.unparse([['id', 'seen', 'survived'], ...lines])}\n`);
  const fb = join(dir, 'feedback.json');
  const run = await cli(['score', lr.zip, snap.path, '--out', join(dir, 'scored.csv'), '--labels', labels, '--key', 'id', '--time', 'seen', '--feedback', fb]);
  expect(run.code).toBe(0);
  const coverage = (JSON.parse(readFileSync(fb, 'utf8')) as { coverage: { labelled: number; by_age: { age: string; rows: number; labelled: number }[] } }).coverage;
  // Ages 0-6 days: rows 1-7, all labelled; 7-29: rows 8-30, labelled 8-20 but row 10 (wrong time) = 12.
  expect(coverage.labelled).toBe(19);
  expect(coverage.by_age.map((b) => [b.age, b.rows, b.labelled])).toEqual([['0-7d', 7, 7], ['7-30d', 23, 12], ['30-90d', 60, 0], ['90d+', 1219, 0]]);
});

test('score --feedback names the slices under the floors of the bundle\'s slice gates, its realised recall recomputed from the scored file', async () => {
  const dir = tmp();
  const contract = join(dir, 'contract.json');
  const gates = [{ id: 'recall-by-sex', kind: 'slice', column: 'sex', metric: 'recall', min: 0.6, minRows: 20 }, { id: 'by-deck', kind: 'slice', column: 'deck', metric: 'recall', min: 0.1, minRows: 5 }];
  writeFileSync(contract, JSON.stringify({ ...TITANIC_CONTRACT, gates: { spec: { version: 1, gates }, lockedAt: null, changes: [] } }));
  const trained = await cli(['train', TITANIC, '--contract', contract, '--model', 'logistic', '--seed', '7', '--out', dir]);
  expect(trained.code).toBe(0);
  const zip = join(dir, (JSON.parse(trained.stdout) as { bundle: string }).bundle.split('/').pop() as string);
  const fb = join(dir, 'feedback.json');
  const out = join(dir, 'scored.csv');
  expect((await cli(['score', zip, TITANIC, '--out', out, '--feedback', fb])).code).toBe(0);
  const report = JSON.parse(readFileSync(fb, 'utf8')) as { slices_below_floor: { gate: string; value: string; realised: number; labelled_rows: number }[]; floors_not_judged: { gate: string }[] };
  // Male recall on every Titanic row, recomputed from the scored file.
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(TITANIC, 'utf8').trim(), {}).data;
  const sex = header.indexOf('sex');
  const y = header.indexOf('survived');
  const t = threshold(zip);
  const scored = readPlainCsv(out);
  const male = scored.filter((r) => rows[Number(r.row) - 1][sex] === 'male' && rows[Number(r.row) - 1][y] === '1');
  const recall = male.filter((r) => Number(r.score) >= t).length / male.length;
  expect(recall).toBeLessThan(0.6);
  expect(report.slices_below_floor.map((b) => [b.gate, b.value, b.labelled_rows])).toEqual([['recall-by-sex', 'male', 843]]);
  expect(report.slices_below_floor[0].realised).toBeCloseTo(recall, 12);
  expect(report.floors_not_judged.map((f) => f.gate)).toEqual(['by-deck']);
});

describe('mle-playground shadow', () => {
  // A shifted snapshot: everyone 25 years older.
  const shiftedAges = () => snapshot((header, rows) => {
    const a = header.indexOf('age');
    for (const row of rows) if (row[a] !== '') row[a] = String(Number(row[a]) + 25);
  });

  test('LR champion vs MLP candidate: disagreement by slice, rows listed without PII, switching cost; exit 0 with no trigger', async () => {
    const snap = shiftedAges();
    const dir = tmp();
    const run = await cli(['shadow', lr.zip, mlp.zip, snap.path, '--slice', 'sex', '--cost-fp', '1', '--cost-fn', '5', '--key', 'id', '--labels', writeLabels(dir, snap), '--max-rows', '5']);
    expect(run.stderr).toMatch(/^shadow: the models disagree on \d+\.\d% of 1309 rows\n$/);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as {
      rows: number; disagreements: number; disagreement_rate: number; by_slice: { value: string; rows: number; disagreements: number }[];
      listed: { row: number; key: string; champion_decision: number; candidate_decision: number }[];
      switching_cost: { realised: { champion: number; candidate: number; rows: number } };
      paired: { delta: Record<string, { estimate: number }> }; candidate_drift: { psi_score: number }; rollback: { fired: boolean };
    };
    expect(r.rows).toBe(1309);
    expect(r.disagreement_rate).toBeCloseTo(r.disagreements / 1309, 12);
    expect(r.by_slice.map((s) => s.value)).toEqual(['female', 'male']);
    expect(r.by_slice.reduce((a, s) => a + s.disagreements, 0)).toBe(r.disagreements);
    expect(r.listed.length).toBe(Math.min(5, r.disagreements));
    for (const l of r.listed) {
      expect(l.key).toBe(`p${l.row}`);
      expect(l.champion_decision).not.toBe(l.candidate_decision);
    }
    expect(run.stdout).not.toContain('Allen, Miss');
    // Realised cost of each model, recomputed from `score` outputs of the same snapshot.
    const cost = async (zip: string) => {
      const out = join(dir, 'scored.csv');
      expect((await cli(['score', zip, snap.path, '--out', out])).code).toBe(0);
      const t = threshold(zip);
      const y = new Map(snap.rows.map((row, i) => [i + 1, row[snap.header.indexOf('survived')]]));
      return readPlainCsv(out).reduce((sum, row) => {
        const pos = Number(row.score) >= t;
        const label = y.get(Number(row.row));
        return sum + (pos && label === '0' ? 1 : 0) + (!pos && label === '1' ? 5 : 0);
      }, 0);
    };
    expect(r.switching_cost.realised).toMatchObject({ rows: 1309, champion: await cost(lr.zip), candidate: await cost(mlp.zip) });
    expect(typeof r.paired.delta.roc_auc.estimate).toBe('number');
    expect(r.candidate_drift.psi_score).toBeGreaterThan(0);
    expect(r.rollback).toEqual({ fired: false });
  });

  test('a trigger that fires exits 1 and names the champion to restore; one that does not exits 0', async () => {
    const snap = shiftedAges();
    const dir = tmp();
    const fires = join(dir, 'fires.json');
    writeFileSync(fires, JSON.stringify([{ metric: 'psi_score', above: 100 }, { id: 'recall-floor', metric: 'recall', below: 0.99 }]));
    const run = await cli(['shadow', lr.zip, mlp.zip, snap.path, '--trigger', fires]);
    expect(run.code).toBe(1);
    const r = JSON.parse(run.stdout) as { rollback: { fired: boolean; restore: string; bundle_id: string }; triggers: { id: string; fired: boolean }[]; champion: { bundle_id: string } };
    expect(r.rollback).toMatchObject({ fired: true, restore: lr.zip, bundle_id: r.champion.bundle_id });
    expect(r.triggers.map((t) => [t.id, t.fired])).toEqual([['trigger-1', false], ['recall-floor', true]]);
    expect(run.stderr).toMatch(/mle-playground: rollback: recall < 0\.99 \(live 0\.\d+\); restore the champion .*\.zip/);
    const quiet = join(dir, 'quiet.json');
    writeFileSync(quiet, JSON.stringify({ metric: 'psi_score', above: 100 }));
    expect((await cli(['shadow', lr.zip, mlp.zip, snap.path, '--trigger', quiet])).code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ metric: 'recall', below: 0.5, above: 0.9 }));
    const refused = await cli(['shadow', lr.zip, mlp.zip, snap.path, '--trigger', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe('mle-playground: bad.json: (root): give exactly one of "above" or "below"');
  });
});

function writeLabels(dir: string, snap: { header: string[]; rows: string[][] }): string {
  const path = join(dir, 'labels.csv');
  const s = snap.header.indexOf('survived');
  writeFileSync(path, `${Papa.unparse([['id', 'survived'], ...snap.rows.map((r) => [r[0], r[s]])])}\n`);
  return path;
}
