import type { BundleOpener } from './bundle-opener.svelte.ts';
import type { StepFacts } from './step-status.ts';
import { DEFAULT_THRESHOLD } from './threshold-decision.svelte.ts';
import type { Workspace } from './workspace.svelte.ts';

/** Reads the facts behind the step statuses and "Next:" lines from the live state (reactive when called in `$derived`). */
export function readStepFacts(ws: Workspace, opener: BundleOpener): StepFacts {
  const outcome = ws.outcomeForSnapshot;
  const cs = ws.contract;
  const ev = ws.evaluation;
  const exported = ws.exports.exported;
  // The file read again with other missing-value tokens keeps its snapshot ID but holds other data than the run saw.
  const trainedTokens = outcome ? ws.training.dataContract?.missingTokens : undefined;
  const tokensChanged = trainedTokens !== undefined && trainedTokens.join('\u0000') !== ws.data.missingTokens.join('\u0000');
  return {
    data: { loading: ws.data.loading !== null, loadError: ws.data.error !== null, loaded: ws.data.snapshot !== null, fileName: ws.data.snapshot?.fileName ?? null },
    contract: {
      checking: cs.checking, drafted: cs.contract !== null, checked: cs.report !== null || (cs.contract !== null && cs.contract.label === ''),
      problem: cs.contract ? cs.problem : null, openFindings: cs.open,
    },
    train: { running: ws.training.running, failed: ws.training.status === 'failed', hasRun: outcome !== null },
    stale: ws.stale || tokensChanged,
    evaluate: {
      computing: ev.computing, error: ev.error !== null, thresholdChosen: ev.run.decision.choice !== null || ev.run.decision.threshold !== DEFAULT_THRESHOLD,
      failedGates: outcome && ws.gates.file && !ws.gates.file.promotable ? ws.gates.file.failed : [],
    },
    export: { busy: ws.exports.busy, error: ws.exports.error !== null, exported: exported !== null && exported.runId === ws.training.selectedId },
    monitor: { busy: opener.opening !== null || opener.championBusy, error: opener.refused !== null, opened: opener.opened !== null },
  };
}
