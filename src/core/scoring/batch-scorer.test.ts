import { describe, expect, test } from 'vitest';
import type { InferenceContract } from '../bundle/inference-contract.ts';
import type { Preprocessing } from '../features/preprocessing.ts';
import { BatchScorer, ScoringStopped } from './batch-scorer.ts';
import type { ScoringBundle } from './scoring-bundle.ts';
import { parseIssuePolicy } from './validation-policy.ts';

// x: numeric, median 1, mean 0, scale 2, with a missing indicator; c: one-hot over [a, b] plus "other".
// Inputs [x, x__missing, c=a, c=b, c=__other__]; z = 1·x' + 0·m + 2·[a] − 1·[b] + 0.5·[other] − 0.5.
const PRE: Preprocessing = {
  format: 1,
  steps: [
    { kind: 'numeric', column: 'x', median: 1, mean: 0, scale: 2, missingIndicator: true },
    { kind: 'categorical', column: 'c', categories: ['a', 'b'] },
  ],
  outputNames: ['x', 'x__missing', 'c=a', 'c=b', 'c=__other__'],
};

const CONTRACT: InferenceContract = {
  format: 1, model_version: 'logistic-test', task: 'binary', label: 'y', positive_class: 'yes', classes: ['no', 'yes'], threshold: 0.5,
  missing_tokens: ['', 'NA'], entity_key: 'id', pii_columns: ['email'],
  columns: [
    { name: 'x', type: 'numeric', training_range: { min: 0, max: 10 }, missing_in_training: true, on_missing: 'median' },
    { name: 'c', type: 'categorical', categories: ['a', 'b'], encoded_categories: ['a', 'b'], missing_in_training: false, on_unseen: 'other', on_missing: 'zeros' },
  ],
  calibration: Array.from({ length: 10 }, (_, b) => ({ lo: b / 10, hi: (b + 1) / 10, count: 10, observed_rate: b / 10 + 0.05 })),
};

function bundle(contract: InferenceContract = CONTRACT): ScoringBundle {
  return {
    id: 'logistic-test', preprocessing: PRE, contract, reference: null,
    model: { layers: [{ inputs: 5, units: 1, kernel: Float64Array.of(1, 0, 2, -1, 0.5), bias: Float64Array.of(-0.5), activation: 'sigmoid' }] },
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const CSV = ['id,x,c,email', 'k1,4,a,ann@example.com', 'k2,,b,bob@example.com', 'k3,12,z,c@example.com', 'k4,abc,a,d@example.com', 'k5,3', 'k6,2,,e@example.com', ''].join('\n');

function scoreAll(csv: string, b = bundle(), options = {}, pieces = 1): { scored: string; rejects: string; scorer: BatchScorer } {
  const scorer = new BatchScorer(b, 'new.csv', options);
  const bytes = new TextEncoder().encode(csv);
  let scored = '';
  let rejects = '';
  const size = Math.ceil(bytes.length / pieces);
  for (let at = 0; at < bytes.length; at += size) {
    const t = scorer.push(bytes.subarray(at, at + size));
    scored += t.scored;
    rejects += t.rejects;
  }
  const t = scorer.finish();
  return { scored: scored + t.scored, rejects: rejects + t.rejects, scorer };
}

const rowsOf = (csv: string) => csv.trim().split('\n').slice(1).map((line) => line.split(','));

describe('BatchScorer', () => {
  test('scores hand-computed rows, flags what the contract does not expect and rejects wrong types and ragged rows', () => {
    const { scored, rejects, scorer } = scoreAll(CSV);
    expect(scored.split('\n')[0]).toBe('row,id,score,decision,distance_to_threshold,calibration_rate,model_version,flags');
    const rows = rowsOf(scored);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '6']);
    const expected = [sigmoid(2 + 2 - 0.5), sigmoid(0.5 - 1 - 0.5), sigmoid(6 + 0.5 - 0.5), sigmoid(1 - 0.5)];
    rows.forEach((r, i) => {
      expect(Number(r[2])).toBeCloseTo(expected[i], 15);
      expect(r[3]).toBe(expected[i] >= 0.5 ? 'yes' : 'no');
      expect(Number(r[4])).toBeCloseTo(Math.abs(expected[i] - 0.5), 15);
      expect(Number(r[5])).toBeCloseTo(Math.min(Math.floor(expected[i] * 10), 9) / 10 + 0.05, 15);
      expect(r[6]).toBe('logistic-test');
    });
    expect(rows.map((r) => r[1])).toEqual(['k1', 'k2', 'k3', 'k6']);
    expect(rows.map((r) => r[7])).toEqual(['', '', 'out_of_range:x;unseen_category:c', 'unexpected_missing:c']);
    expect(scored).not.toContain('@example.com');
    // A rejected row lists every issue it had: row 5 is short, so its c is also missing.
    expect(rejects.trim().split('\n')).toEqual(['row,column,reason,value', '4,x,wrong_type,abc', '5,,ragged_row,"2 fields, header has 4"', '5,c,unexpected_missing,']);
    expect(scorer.progress).toMatchObject({ rows: 6, scored: 4, rejected: 2, flagged: 2 });
  });

  test('with wrong_type=flag the bad cell is imputed as missing and the row is scored with its flag', () => {
    const { scored } = scoreAll(CSV, bundle(), { policy: parseIssuePolicy('wrong_type=flag') });
    const row4 = rowsOf(scored).find((r) => r[0] === '4');
    expect(Number(row4?.[2])).toBeCloseTo(sigmoid(0.5 + 2 - 0.5), 15);
    expect(row4?.[7]).toBe('wrong_type:x');
  });

  test('a missing model column stops the job before any row is scored, naming the column', () => {
    const scorer = new BatchScorer(bundle(), 'new.csv');
    expect(() => scorer.push(new TextEncoder().encode('id,x,email\nk1,1,a@b.c\n'))).toThrow(ScoringStopped);
    expect(() => new BatchScorer(bundle(), 'new.csv').push(new TextEncoder().encode('id,x\nk1,1\n'))).toThrow('new.csv lacks the column "c" that the model needs; nothing was scored');
  });

  test('byte-by-byte chunks, CRLF line ends and quoted fields give the same output as one chunk', () => {
    const whole = scoreAll(CSV);
    expect(scoreAll(CSV, bundle(), {}, CSV.length)).toEqual({ ...whole, scorer: expect.anything() });
    const crlf = scoreAll(CSV.replace(/\n/g, '\r\n'));
    expect(crlf.scored).toBe(whole.scored);
    const quoted = scoreAll(CSV.replace('k1,4,a', '"k1",4,"a"'));
    expect(quoted.scored).toBe(whole.scored);
  });

  test('a rejected value of a PII column is masked in the rejects file', () => {
    const { rejects } = scoreAll('id,x,c\nk1,1,secret-value\n', bundle({ ...CONTRACT, pii_columns: ['c'] }), { policy: parseIssuePolicy('unseen_category=reject') });
    expect(rejects).toContain('1,c,unseen_category,*** (12 characters)');
    expect(rejects).not.toContain('secret-value');
  });

  test('multiclass: one probability per class, the argmax class, and the positive class at the threshold', () => {
    const contract: InferenceContract = { ...CONTRACT, task: 'multiclass', classes: ['p', 'q', 'r'], positive_class: 'q', entity_key: null };
    const b: ScoringBundle = {
      ...bundle(contract),
      model: { layers: [{ inputs: 5, units: 3, kernel: new Float64Array(15).fill(0).map((_, i) => (i === 0 ? 1 : 0)), bias: Float64Array.of(0, 1, 0), activation: 'softmax' }] },
    };
    const { scored } = scoreAll('x,c\n4,a\n', b);
    const [header, line] = scored.trim().split('\n');
    expect(header).toBe('row,p_p,p_q,p_r,class,score,decision,distance_to_threshold,calibration_rate,model_version,flags');
    // Logits [2, 1, 0] → softmax.
    const e = [Math.exp(2), Math.exp(1), 1];
    const sum = e[0] + e[1] + e[2];
    const cells = line.split(',');
    [1, 2, 3].forEach((c, k) => expect(Number(cells[c])).toBeCloseTo(e[k] / sum, 15));
    expect(cells[4]).toBe('p');
    expect(cells[6]).toBe('not q');
  });

  test('echo appends the asked columns to scored rows only; collect keeps their cells, row numbers and scores', () => {
    const { scored, scorer } = scoreAll(CSV.replace('k1,4,a', '"k1",4,"a"'), bundle(), { echo: ['email'], collect: ['id', 'email', 'nope', 'id'] });
    const lines = scored.trim().split('\n');
    expect(lines[0]).toBe('row,id,score,decision,distance_to_threshold,calibration_rate,model_version,flags,email');
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(['ann@example.com', 'bob@example.com', 'c@example.com', 'e@example.com']);
    expect(scorer.collected?.rows).toEqual([1, 2, 3, 6]);
    expect(scorer.collected?.cells).toEqual({ id: ['k1', 'k2', 'k3', 'k6'], email: ['ann@example.com', 'bob@example.com', 'c@example.com', 'e@example.com'] });
    expect(scorer.collected?.scores[0]).toBeCloseTo(sigmoid(2 + 2 - 0.5), 15);
    // Without the options nothing is collected and the header is the CLI's.
    expect(scoreAll(CSV).scorer.collected).toBeNull();
  });

  test('an empty file stops with a message', () => {
    expect(() => new BatchScorer(bundle(), 'empty.csv').finish()).toThrow('empty.csv is empty');
  });
});
