import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createContract, createDataContract, createRunConfig, loadCsv } from '../index.ts';
import { trainBaseline } from '../train/train-baseline.ts';
import { referenceProfile } from '../drift/reference-profile.ts';
import { inferenceContract } from './inference-contract.ts';

async function titanicRun() {
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../public/samples/titanic.csv', import.meta.url))), 'titanic.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const snapshot = parsed.snapshot;
  const features = ['pclass', 'sex', 'age', 'fare', 'embarked'];
  const roles = Object.fromEntries(snapshot.columns.map((c) => [c.name, c.name === 'survived' ? 'label' : features.includes(c.name) ? 'feature' : c.name === 'name' ? 'pii' : c.name === 'ticket' ? 'entity_key' : 'ignore'] as const));
  const data = { ...createDataContract(snapshot, 'survived', '1', [], {}), roles };
  const outcome = await trainBaseline(snapshot, createContract('survived', '1', features), createRunConfig({ seed: 7, backend: 'cpu' }));
  return { snapshot, outcome, data };
}

describe('inferenceContract and referenceProfile on a Titanic run', () => {
  test('lists each input with its type, training range or categories, missing behaviour, the classes and threshold; no PII values', async () => {
    const { snapshot, outcome, data } = await titanicRun();
    const contract = inferenceContract(snapshot, outcome, 0.4, 'logistic-x', data);
    expect(contract).toMatchObject({ task: 'binary', label: 'survived', positive_class: '1', classes: ['0', '1'], threshold: 0.4, entity_key: 'ticket', pii_columns: ['name'] });
    expect(contract.columns.map((c) => [c.name, c.type])).toEqual([['pclass', 'numeric'], ['sex', 'categorical'], ['age', 'numeric'], ['fare', 'numeric'], ['embarked', 'categorical']]);
    const age = contract.columns[2];
    if (age.type !== 'numeric') throw new Error('age is numeric');
    // The range comes from training rows only.
    const ages = Array.from(outcome.split.train, (r) => (snapshot.columns.find((c) => c.name === 'age') as { values: Float64Array }).values[r]).filter((v) => !Number.isNaN(v));
    expect(age.training_range).toEqual({ min: Math.min(...ages), max: Math.max(...ages) });
    expect(age.missing_in_training).toBe(true);
    const embarked = contract.columns[4];
    if (embarked.type !== 'categorical') throw new Error('embarked is categorical');
    expect(embarked.categories).toEqual(['C', 'Q', 'S']);
    expect(embarked.on_unseen).toContain('"other" slot');
    expect(contract.calibration).toHaveLength(10);
    expect(contract.calibration.reduce((s, b) => s + b.count, 0)).toBe(outcome.validation.scores.length);
    expect(JSON.stringify(contract)).not.toContain('Allen');
  });

  test('the reference profile summarises training rows and the validation and test scores, without rows', async () => {
    const { snapshot, outcome, data } = await titanicRun();
    const profile = referenceProfile(snapshot, outcome, 0.4, data);
    const fare = profile.columns.find((c) => c.name === 'fare');
    if (fare?.kind !== 'numeric') throw new Error('fare is numeric');
    expect(fare.n + Math.round(fare.missing_rate * outcome.split.train.length)).toBe(outcome.split.train.length);
    expect(fare.percentiles).toHaveLength(101);
    expect(fare.counts.reduce((a, b) => a + b, 0)).toBe(fare.n);
    const sex = profile.columns.find((c) => c.name === 'sex');
    if (sex?.kind !== 'categorical') throw new Error('sex is categorical');
    expect(sex.counts.male + sex.counts.female).toBe(outcome.split.train.length);
    expect(profile.scores.test?.n).toBe(outcome.test.scores.length);
    expect(profile.scores.validation?.n).toBe(outcome.validation.scores.length);
    expect(JSON.stringify(profile)).not.toContain('Allen');
  });
});
