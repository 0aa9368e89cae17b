import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  appendEntry, appendOnlyViolation, binaryReport, bundleRun, createContract, createRunConfig, createRunRecord, diffEntries, escapeMarkdown,
  ledgerMarkdown, loadCsv, pickLedgerRuns, readBundle, prefillLedgerEntry, rollbackEntry, sha256Hex, zipBundle, type LedgerDraft, type LedgerEntry, type RunRecord, type Snapshot,
} from '../index.ts';
import { trainBaseline } from '../train/train-baseline.ts';

const FEATURES = ['pclass', 'sex', 'age', 'sibsp', 'parch', 'fare', 'embarked'];
const APP = { version: '9.9.9', gitSha: 'abc123def456' };
let snapshot: Snapshot;
let baseline: RunRecord;
let candidate: RunRecord;
let draft: LedgerDraft;

beforeAll(async () => {
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url))), 'titanic.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
  const lr = await trainBaseline(snapshot, createContract('survived', '1', FEATURES), createRunConfig({ seed: 7, backend: 'cpu', model: 'logistic' }));
  // The candidate drops two features and regularises harder, on the same seed and split: the test rows are shared.
  const fewer = await trainBaseline(snapshot, createContract('survived', '1', FEATURES.filter((f) => f !== 'fare' && f !== 'embarked')), createRunConfig({ seed: 7, backend: 'cpu', model: 'logistic', hyperparameters: { C: 0.05 } }));
  baseline = await createRunRecord(lr, null, '2026-01-01T00:00:00.000Z', '9.9.9');
  candidate = await createRunRecord(fewer, null, '2026-01-01T00:01:00.000Z', '9.9.9');
  draft = prefillLedgerEntry({
    baseline, candidate, previous: null, snapshot, strategy: { kind: 'fixed', value: 0.5 }, slice: { columns: ['sex'] },
    bootstrap: { resamples: 300, seed: 42 }, gates: [{ gate: 'ROC AUC ≥ 0.80', passed: true, observed: '0.84' }],
  });
}, 60_000);

const decided = (d: LedgerDraft, reason = 'The candidate loses AUC for no gain.'): LedgerDraft => ({ ...d, decision: 'keep-champion', reason });

describe('prefillLedgerEntry', () => {
  test('records both runs with config hash, seed, snapshot and contract revision', () => {
    expect(draft.runs.map((r) => [r.role, r.id, r.configHash, r.seed, r.snapshotId, r.contractRevision])).toEqual([
      ['baseline', baseline.id, baseline.configHash, 7, snapshot.id, null],
      ['candidate', candidate.id, candidate.configHash, 7, snapshot.id, null],
    ]);
    expect(draft.decision).toBeNull();
    expect(draft.changes).toEqual(['First entry: nothing to compare against.']);
  });

  test('metric movement is candidate − baseline at 0.5 on the shared test rows, with a paired interval around it', () => {
    const b = binaryReport(baseline.outcome.test.scores, baseline.outcome.test.labels, 0.5);
    const c = binaryReport(candidate.outcome.test.scores, candidate.outcome.test.labels, 0.5);
    const auc = draft.metrics.find((m) => m.metric === 'roc_auc');
    expect(auc?.baseline).toBeCloseTo(b.roc_auc as number, 12);
    expect(auc?.candidate).toBeCloseTo(c.roc_auc as number, 12);
    expect(auc?.delta).toBeCloseTo((c.roc_auc as number) - (b.roc_auc as number), 12);
    expect(auc?.ci?.lo).toBeLessThanOrEqual(auc?.delta as number);
    expect(auc?.ci?.hi).toBeGreaterThanOrEqual(auc?.delta as number);
    const loss = draft.metrics.find((m) => m.metric === 'log_loss');
    expect(loss?.delta).toBeCloseTo((c.log_loss as number) - (b.log_loss as number), 12);
    expect(loss?.ci).toBeNull();
  });

  test('FP/FN counts at each run\'s threshold, slices of sex cover the test split, gates pass through', () => {
    const b = binaryReport(baseline.outcome.test.scores, baseline.outcome.test.labels, 0.5);
    expect(draft.errors[0]).toEqual({ run: baseline.id, threshold: 0.5, tp: b.tp, fp: b.fp, tn: b.tn, fn: b.fn });
    expect(draft.slices.map((s) => s.slice).sort()).toEqual(['sex=female', 'sex=male']);
    expect(draft.slices.reduce((s, r) => s + r.n, 0)).toBe(baseline.outcome.test.rows.length);
    expect(draft.gates).toEqual([{ gate: 'ROC AUC ≥ 0.80', passed: true, observed: '0.84' }]);
    expect(draft.method).toContain('fixed threshold 0.5');
  });

  test('the next entry says in words what changed since the previous one', () => {
    const first = appendEntry([], decided(draft), '2026-01-01T00:02:00.000Z');
    const next = prefillLedgerEntry({ baseline, candidate: baseline, previous: first[0] ?? null, snapshot, strategy: { kind: 'fixed', value: 0.5 }, slice: null, bootstrap: null });
    expect(next.runs.map((r) => r.role)).toEqual(['baseline']);
    expect(next.changes).toEqual([`Same baseline run ${baseline.id}.`]);
    const swapped = prefillLedgerEntry({ baseline: candidate, candidate: baseline, previous: first[0] ?? null, snapshot, strategy: { kind: 'fixed', value: 0.5 }, slice: null, bootstrap: null });
    expect(swapped.changes[0]).toBe(`Baseline ${baseline.id} → ${candidate.id}: features: −fare, −embarked; hyperparameters.C 1 → 0.05.`);
  });

  test('pickLedgerRuns: the logistic run is the baseline, the selected other run the candidate', () => {
    expect(pickLedgerRuns([baseline, candidate], baseline.id)).toEqual({ baseline, candidate });
    expect(pickLedgerRuns([baseline, candidate], candidate.id)).toEqual({ baseline, candidate });
    expect(pickLedgerRuns([baseline], baseline.id)).toEqual({ baseline, candidate: null });
  });
});

describe('append-only ledger', () => {
  test('a draft without a decision or a reason is refused, and so is a correction of a missing entry', () => {
    expect(() => appendEntry([], draft, 'now')).toThrow('A ledger entry needs a decision (promote, keep-champion, iterate, stop).');
    expect(() => appendEntry([], decided(draft, '  '), 'now')).toThrow('A ledger entry needs the reason for its decision.');
    expect(() => appendEntry([], { ...decided(draft), corrects: 'entry-9' }, 'now')).toThrow('Entry "entry-9" does not exist, so it cannot be corrected.');
  });

  test('entries are numbered, frozen, and the old ledger is untouched; a correction names the old entry', () => {
    const one = appendEntry([], decided(draft), '2026-01-01T00:02:00.000Z');
    const two = appendEntry(one, { ...decided(draft, 'Wrong: the interval crosses zero.'), decision: 'iterate', corrects: 'entry-1' }, '2026-01-01T00:03:00.000Z');
    expect(one).toHaveLength(1);
    expect(two.map((e) => [e.id, e.seq, e.decision, e.corrects])).toEqual([['entry-1', 1, 'keep-champion', null], ['entry-2', 2, 'iterate', 'entry-1']]);
    const entry = two[0] as LedgerEntry;
    expect(() => { (entry as { reason: string }).reason = 'rewritten'; }).toThrow(TypeError);
    expect(() => { (entry.metrics[0] as { delta: number }).delta = 1; }).toThrow(TypeError);
    expect(() => { (two as LedgerEntry[]).pop(); }).toThrow(TypeError);
  });

  test('appendOnlyViolation catches an edited or removed entry and accepts a pure append', () => {
    const one = appendEntry([], decided(draft), 't1');
    const two = appendEntry(one, decided(draft, 'again'), 't2');
    expect(appendOnlyViolation(one, two)).toBeNull();
    expect(appendOnlyViolation(two, one)).toBe('The ledger would lose 1 committed entries; entries are never removed.');
    const edited = [{ ...(one[0] as LedgerEntry), reason: 'changed' }, two[1] as LedgerEntry];
    expect(appendOnlyViolation(two, edited)).toBe('Entry "entry-1" was changed after it was committed; write a correction as a new entry instead.');
  });
});

describe('diffEntries', () => {
  test('names exactly the fields that differ', () => {
    const [a, b] = appendEntry(appendEntry([], decided(draft), 't1'), { ...decided(draft, 'Promote after all.'), decision: 'promote', lesson: 'C matters.' }, 't2');
    expect(diffEntries(a as LedgerEntry, b as LedgerEntry)).toEqual([
      { path: 'decision', before: 'keep-champion', after: 'promote' },
      { path: 'lesson', before: '', after: 'C matters.' },
      { path: 'reason', before: 'The candidate loses AUC for no gain.', after: 'Promote after all.' },
    ]);
    expect(diffEntries(a as LedgerEntry, a as LedgerEntry)).toEqual([]);
  });
});

describe('ledger.md', () => {
  test('user text cannot inject HTML, headings, links or table cells', () => {
    expect(escapeMarkdown('<script>alert(1)</script> # [x](http://e) | *b*')).toBe('&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\# \\[x\\]\\(http://e\\) \\| \\*b\\*');
    const [entry] = appendEntry([], decided(draft, '<img src=x onerror=alert(1)>\n## Fake heading'), 't1');
    const md = ledgerMarkdown([entry as LedgerEntry]);
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/^## Fake/m);
    expect(md).toContain('**Keep champion.** &lt;img src=x onerror=alert\\(1\\)&gt;  \n\\#\\# Fake heading');
    expect(md).toContain('| roc_auc |');
  });
});

describe('ledger in a bundle', () => {
  test('ledger.json and ledger.md go into the zip, hashed in the manifest', async () => {
    const entries = appendEntry([], decided(draft), '2026-01-01T00:02:00.000Z');
    const bundle = await bundleRun({ snapshot, outcome: candidate.outcome, threshold: 0.5, app: APP, createdAt: '2026-01-01T00:00:00.000Z', ledger: entries, evaluation: { resamples: 0 } });
    const files = unzipSync(zipBundle(bundle, '2026-01-01T00:00:00.000Z'));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as { files: Record<string, string>; raw_values: { file: string }[] };
    const json = JSON.parse(strFromU8(files['ledger.json'] as Uint8Array)) as { format: number; entries: LedgerEntry[] };
    expect(json.format).toBe(1);
    expect(json.entries).toEqual(JSON.parse(JSON.stringify(entries)));
    expect(strFromU8(files['ledger.md'] as Uint8Array)).toBe(ledgerMarkdown(entries));
    for (const path of ['ledger.json', 'ledger.md']) {
      expect(manifest.files[path]).toBe(await sha256Hex(files[path] as Uint8Array));
      expect(manifest.raw_values.map((r) => r.file)).toContain(path);
    }
    // The safe reader opens a bundle that carries a ledger (its two files are known optional files).
    const opened = await readBundle(zipBundle(bundle, '2026-01-01T00:00:00.000Z'));
    expect(opened.files.has('ledger.json')).toBe(true);
  });
});

describe('rollbackEntry', () => {
  test('decides "keep champion", names the champion bundle and its zip hash, and commits as a normal entry', () => {
    const entry = rollbackEntry(draft, { bundleId: 'bundle-abc', sha256: 'f'.repeat(64) });
    expect(entry.decision).toBe('keep-champion');
    expect(entry.champion).toEqual({ bundleId: 'bundle-abc', action: 'rollback', sha256: 'f'.repeat(64) });
    expect(entry.reason).toBe('Rolled back to champion bundle-abc: its bundle is shipped unchanged and nothing was retrained.');
    expect(entry.runs).toBe(draft.runs);
    // A reason the person wrote is kept.
    expect(rollbackEntry({ ...draft, reason: 'The candidate regressed on women.' }, { bundleId: 'bundle-abc', sha256: 'f'.repeat(64) }).reason).toBe('The candidate regressed on women.');
    const ledger = appendEntry([], entry, '2026-02-01T00:00:00.000Z');
    expect(ledger[0].champion?.bundleId).toBe('bundle-abc');
    expect(ledgerMarkdown(ledger)).toContain(`Rolled back to champion bundle bundle\\-abc (zip SHA-256 ${'f'.repeat(64)}), re-exported unchanged; nothing was retrained.`);
  });
});
