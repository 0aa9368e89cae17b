import type { StepId } from './step-router.svelte.ts';

/** What the step nav says about a step. */
export type StepStatus = 'not started' | 'running' | 'needs attention' | 'out of date' | 'ready';

/**
 * The facts the statuses and "Next:" lines are read from; the workspace fills them (see `stepFacts` in
 * `step-facts.svelte.ts`) so these rules stay a pure function that unit tests can call.
 */
export interface StepFacts {
  data: { loading: boolean; loadError: boolean; loaded: boolean; fileName: string | null };
  contract: {
    /** Profiling the snapshot or running validation/leakage checks. */
    checking: boolean;
    /** A contract exists for the loaded snapshot (profiling has finished). */
    drafted: boolean;
    /** Checks have run against the current contract revision. */
    checked: boolean;
    /** Why training cannot start (label missing, failed validation, leakage...), or null. */
    problem: string | null;
    /** Warn and fail findings no dismissal covers. */
    openFindings: number;
  };
  train: { running: boolean; failed: boolean; hasRun: boolean };
  /** The label, features, split or seed on screen differ from what the shown run was trained with. */
  stale: boolean;
  /** `thresholdChosen`: a strategy chose the run's threshold, or the slider moved it off the default. */
  evaluate: { computing: boolean; error: boolean; thresholdChosen: boolean; failedGates: readonly string[] };
  export: { busy: boolean; error: boolean; exported: boolean };
  monitor: { busy: boolean; error: boolean; opened: boolean };
}

/** The nav's status of every step: "needs attention" wins over "running", "running" over "out of date". */
export function stepStatuses(f: StepFacts): Record<StepId, StepStatus> {
  const loaded = f.data.loaded;
  const contract: StepStatus = !loaded ? 'not started'
    : f.contract.checking || !f.contract.drafted ? 'running'
    : f.contract.problem !== null || f.contract.openFindings > 0 ? 'needs attention'
    : f.contract.checked ? 'ready' : 'not started';
  const hasRun = loaded && f.train.hasRun;
  const train: StepStatus = f.train.running ? 'running' : f.train.failed ? 'needs attention' : !hasRun ? 'not started' : f.stale ? 'out of date' : 'ready';
  const evaluate: StepStatus = !hasRun ? 'not started'
    : f.evaluate.error || f.evaluate.failedGates.length > 0 ? 'needs attention'
    : f.evaluate.computing ? 'running'
    : f.stale ? 'out of date' : 'ready';
  const exportStatus: StepStatus = !hasRun ? 'not started'
    : f.export.error ? 'needs attention'
    : f.export.busy ? 'running'
    : f.stale ? 'out of date'
    : f.export.exported ? 'ready' : 'not started';
  const monitor: StepStatus = f.monitor.error ? 'needs attention' : f.monitor.busy ? 'running' : f.monitor.opened ? 'ready' : 'not started';
  const data: StepStatus = f.data.loadError ? 'needs attention' : f.data.loading ? 'running' : loaded ? 'ready' : 'not started';
  return { data, contract, train, evaluate, export: exportStatus, monitor };
}

/** One "Next:" line: what is left to do, and the step that does it (null when it is done on the step itself). */
export interface NextAction {
  readonly text: string;
  readonly target: StepId | null;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What the contract still asks for, seen from another step; null when nothing is open. */
function contractLeft(f: StepFacts): NextAction | null {
  if (f.contract.openFindings > 0) {
    const n = f.contract.openFindings;
    return { text: `${plural(n, 'finding is', 'findings are')} open — resolve ${n === 1 ? 'it' : 'them'} in Contract & split`, target: 'contract' };
  }
  if (f.contract.problem !== null && f.contract.checked) return { text: `${f.contract.problem} (Contract & split)`, target: 'contract' };
  return null;
}

/** The "Next:" line at the end of `step`. */
export function nextAction(step: StepId, f: StepFacts): NextAction {
  const loaded = f.data.loaded;
  const hasRun = loaded && f.train.hasRun;
  switch (step) {
    case 'data':
      if (f.data.loading) return { text: 'wait for the file to finish loading', target: null };
      if (!loaded) return { text: f.data.loadError ? 'load another file, or fix this one and load it again' : 'load a CSV or open a sample', target: null };
      return contractLeft(f) ?? { text: 'check the label, the column roles and the split', target: 'contract' };
    case 'contract':
      if (!loaded) return { text: 'load a CSV first', target: 'data' };
      if (f.contract.checking || !f.contract.drafted) return { text: 'wait for the checks to finish', target: null };
      if (f.contract.problem !== null) return { text: f.contract.problem, target: null };
      if (f.contract.openFindings > 0) {
        const n = f.contract.openFindings;
        return { text: `${plural(n, 'finding is', 'findings are')} open — resolve ${n === 1 ? 'it' : 'them'} above (change the role, or dismiss with a reason), or train a model anyway`, target: 'train' };
      }
      return { text: hasRun ? (f.stale ? 'the setup changed since the last run: train again' : 'compare models') : 'train a model', target: 'train' };
    case 'train':
      if (!loaded) return { text: 'load a CSV first', target: 'data' };
      if (f.train.running) return { text: 'wait for the run to finish (or cancel it)', target: null };
      if (f.contract.problem !== null && f.contract.checked) return contractLeft(f) ?? { text: f.contract.problem, target: 'contract' };
      if (f.train.failed) return { text: 'adjust the settings and train again', target: null };
      if (!hasRun) return { text: 'press Train', target: null };
      if (f.stale) return { text: 'the setup changed since this run: train again', target: null };
      return { text: f.evaluate.thresholdChosen ? 'check the evaluation' : 'pick a threshold', target: 'evaluate' };
    case 'evaluate':
      if (!hasRun) return { text: 'train a model', target: 'train' };
      if (f.stale) return { text: 'the setup changed since this run was trained: train again', target: 'train' };
      if (f.evaluate.failedGates.length > 0) return { text: `${plural(f.evaluate.failedGates.length, 'promotion gate fails', 'promotion gates fail')} (${f.evaluate.failedGates.join(', ')}) — improve the model or the threshold`, target: null };
      if (!f.evaluate.thresholdChosen) return { text: 'pick a threshold (a strategy above, or the slider)', target: null };
      return { text: 'write the design note and export the bundle', target: 'export' };
    case 'export':
      if (!hasRun) return { text: 'train a model', target: 'train' };
      if (f.stale) return { text: 'the setup changed since this run was trained: train again before exporting', target: 'train' };
      if (!f.evaluate.thresholdChosen) return { text: 'pick a threshold before exporting', target: 'evaluate' };
      if (!f.export.exported) return { text: 'export the bundle', target: null };
      return { text: 'open the bundle to score new data and watch for drift', target: 'monitor' };
    case 'monitor':
      if (!f.monitor.opened) return { text: 'open a bundle (a zip exported from the Export step)', target: null };
      return { text: 'score a new labelled snapshot with this bundle', target: null };
  }
}
