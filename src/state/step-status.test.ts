import { describe, expect, it } from 'vitest';
import { nextAction, stepStatuses, type StepFacts } from './step-status.ts';

/** A workspace with titanic loaded, its contract checked and clean, one run trained and evaluated, nothing exported. */
function facts(edit: (f: StepFacts) => void = () => {}): StepFacts {
  const f: StepFacts = {
    data: { loading: false, loadError: false, loaded: true, fileName: 'titanic.csv' },
    contract: { checking: false, drafted: true, checked: true, problem: null, openFindings: 0 },
    train: { running: false, failed: false, hasRun: true },
    stale: false,
    evaluate: { computing: false, error: false, thresholdChosen: true, failedGates: [] },
    export: { busy: false, error: false, exported: false },
    monitor: { busy: false, error: false, opened: false },
  };
  edit(f);
  return f;
}

const blank = (): StepFacts => facts((f) => {
  f.data.loaded = false; f.data.fileName = null;
  f.contract = { checking: false, drafted: false, checked: false, problem: null, openFindings: 0 };
  f.train.hasRun = false;
  f.evaluate.thresholdChosen = false;
});

describe('stepStatuses', () => {
  it('says "not started" for every step of an empty page', () => {
    expect(stepStatuses(blank())).toEqual({ data: 'not started', contract: 'not started', train: 'not started', evaluate: 'not started', export: 'not started', monitor: 'not started' });
  });

  it('says "ready" only where nothing is open; an unexported run leaves Export "not started"', () => {
    expect(stepStatuses(facts())).toEqual({ data: 'ready', contract: 'ready', train: 'ready', evaluate: 'ready', export: 'not started', monitor: 'not started' });
    expect(stepStatuses(facts((f) => { f.export.exported = true; f.monitor.opened = true; }))).toMatchObject({ export: 'ready', monitor: 'ready' });
  });

  it('marks a step "running" while its work runs', () => {
    expect(stepStatuses(facts((f) => { f.data.loading = true; })).data).toBe('running');
    expect(stepStatuses(facts((f) => { f.contract.checking = true; })).contract).toBe('running');
    // Profiling a fresh snapshot: no contract drafted yet.
    expect(stepStatuses(facts((f) => { f.contract.drafted = false; f.contract.checked = false; })).contract).toBe('running');
    expect(stepStatuses(facts((f) => { f.train.running = true; })).train).toBe('running');
    expect(stepStatuses(facts((f) => { f.evaluate.computing = true; })).evaluate).toBe('running');
    expect(stepStatuses(facts((f) => { f.export.busy = true; })).export).toBe('running');
    expect(stepStatuses(facts((f) => { f.monitor.busy = true; })).monitor).toBe('running');
  });

  it('marks "needs attention" for an open finding, a training problem, a load error, a failed run, gate or export', () => {
    expect(stepStatuses(facts((f) => { f.contract.openFindings = 1; })).contract).toBe('needs attention');
    expect(stepStatuses(facts((f) => { f.contract.problem = '1 validation check failed'; f.contract.openFindings = 1; })).contract).toBe('needs attention');
    expect(stepStatuses(facts((f) => { f.contract.problem = 'Choose the label column'; f.contract.checked = true; })).contract).toBe('needs attention');
    // A failed load keeps the earlier snapshot on screen, and still asks for attention.
    expect(stepStatuses(facts((f) => { f.data.loadError = true; })).data).toBe('needs attention');
    expect(stepStatuses(blank()).data).toBe('not started');
    expect(stepStatuses(facts((f) => { f.train.failed = true; })).train).toBe('needs attention');
    expect(stepStatuses(facts((f) => { f.evaluate.failedGates = ['recall']; })).evaluate).toBe('needs attention');
    expect(stepStatuses(facts((f) => { f.evaluate.error = true; f.evaluate.computing = true; })).evaluate).toBe('needs attention');
    expect(stepStatuses(facts((f) => { f.export.error = true; })).export).toBe('needs attention');
    expect(stepStatuses(facts((f) => { f.monitor.error = true; f.monitor.opened = true; })).monitor).toBe('needs attention');
  });

  it('marks Train, Evaluate and Export "out of date" once the contract changed since the run, Data and Contract stay ready', () => {
    expect(stepStatuses(facts((f) => { f.stale = true; f.export.exported = true; }))).toEqual({
      data: 'ready', contract: 'ready', train: 'out of date', evaluate: 'out of date', export: 'out of date', monitor: 'not started',
    });
    // A new run replaces the stale one: running wins while it trains.
    expect(stepStatuses(facts((f) => { f.stale = true; f.train.running = true; })).train).toBe('running');
  });

  it('ignores a run when no snapshot is loaded (a run belongs to its snapshot)', () => {
    expect(stepStatuses(facts((f) => { f.data.loaded = false; })).evaluate).toBe('not started');
  });
});

describe('nextAction', () => {
  it('sends an open finding back to Contract & split from Data and names the count', () => {
    expect(nextAction('data', facts((f) => { f.contract.openFindings = 1; }))).toEqual({ text: '1 finding is open — resolve it in Contract & split', target: 'contract' });
    expect(nextAction('data', facts((f) => { f.contract.openFindings = 3; }))).toEqual({ text: '3 findings are open — resolve them in Contract & split', target: 'contract' });
  });

  it('walks the flow: load, contract, train, threshold, export, monitor', () => {
    expect(nextAction('data', blank())).toEqual({ text: 'load a CSV or open a sample', target: null });
    expect(nextAction('data', facts())).toEqual({ text: 'check the label, the column roles and the split', target: 'contract' });
    expect(nextAction('contract', facts((f) => { f.train.hasRun = false; }))).toEqual({ text: 'train a model', target: 'train' });
    expect(nextAction('train', facts((f) => { f.train.hasRun = false; }))).toEqual({ text: 'press Train', target: null });
    expect(nextAction('train', facts((f) => { f.evaluate.thresholdChosen = false; }))).toEqual({ text: 'pick a threshold', target: 'evaluate' });
    expect(nextAction('evaluate', facts((f) => { f.evaluate.thresholdChosen = false; })).text).toBe('pick a threshold (a strategy above, or the slider)');
    expect(nextAction('evaluate', facts())).toEqual({ text: 'write the design note and export the bundle', target: 'export' });
    expect(nextAction('export', facts())).toEqual({ text: 'export the bundle', target: null });
    expect(nextAction('export', facts((f) => { f.export.exported = true; })).target).toBe('monitor');
    expect(nextAction('monitor', facts())).toEqual({ text: 'open a bundle (a zip exported from the Export step)', target: null });
  });

  it('on Train, a blocking contract problem points back to the contract instead of "press Train"', () => {
    const blocked = facts((f) => { f.train.hasRun = false; f.contract.problem = 'Leakage check failed for "boat"'; f.contract.openFindings = 1; });
    expect(nextAction('train', blocked)).toEqual({ text: '1 finding is open — resolve it in Contract & split', target: 'contract' });
    expect(nextAction('contract', blocked)).toEqual({ text: 'Leakage check failed for "boat"', target: null });
  });

  it('asks to train again when the run is out of date, and names failing gates', () => {
    expect(nextAction('evaluate', facts((f) => { f.stale = true; })).target).toBe('train');
    expect(nextAction('evaluate', facts((f) => { f.evaluate.failedGates = ['recall', 'auc']; })).text).toBe('2 promotion gates fail (recall, auc) — improve the model or the threshold');
    expect(nextAction('train', facts((f) => { f.train.running = true; })).text).toBe('wait for the run to finish (or cancel it)');
  });
});
