import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { createContract, createDataContract, createRunConfig, loadCsv, runChecks, type Snapshot } from '../index.ts';
import { activateBackend } from '../models/backend.ts';
import { trainBaseline } from './train-baseline.ts';

// Penguins (vega-datasets, see test/data/README.md): three species, positive class Chinstrap. Before this was pinned,
// the checks stratified on Chinstrap-vs-rest and training on the species, giving 207 and 206 training rows.
let snapshot: Snapshot;
const features = ['Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'];

beforeAll(async () => {
  await activateBackend('cpu');
  const parsed = await loadCsv(new Uint8Array(readFileSync(new URL('../../../test/data/penguins.csv', import.meta.url))), 'penguins.csv');
  if (!parsed.ok) throw new Error(parsed.error.message);
  snapshot = parsed.snapshot;
});

describe('check, the app and train build one split', () => {
  test.each(['multiclass', 'binary'] as const)('penguins, %s task: the checks describe the rows training uses', async (task) => {
    const dataContract = createDataContract(snapshot, 'Species', 'Chinstrap', [], {});
    const report = runChecks(snapshot, dataContract, 42);
    expect(report.splitError).toBeNull();
    const outcome = await trainBaseline(snapshot, createContract('Species', 'Chinstrap', features), createRunConfig({ seed: 42, backend: 'cpu', model: 'prior', task }));
    expect(report.split?.train.n).toBe(outcome.split.train.length);
    expect(report.split?.validation.n).toBe(outcome.split.validation.length);
    expect(report.split?.test.n).toBe(outcome.split.test.length);
    // Per-part Chinstrap counts agree too: same rows, not just the same sizes.
    const species = snapshot.columns[0];
    const chinstrap = (rows: Int32Array): number => Array.from(rows).filter((r) => species.type === 'categorical' && species.categories[species.codes[r]] === 'Chinstrap').length;
    expect(report.split?.train.nPositive).toBe(chinstrap(outcome.split.train));
    expect(report.split?.test.nPositive).toBe(chinstrap(outcome.split.test));
    // Stratified on species: each part holds each species in proportion (152/68/124 over 60/20/20).
    expect([outcome.split.train.length, outcome.split.validation.length, outcome.split.test.length]).toEqual([206, 69, 69]);
  }, 60_000);
});
