// Promotion gates: the spec, the evidence a run gives, the pure verdict, the lock and change log, and gates.json.
export { GATE_METRICS, PAIRED_METRICS, SLICE_METRICS, EMPTY_GATE_SPEC, GateSpecSchema, GatesSectionSchema, parseGateSpec, type Gate, type GateMetric, type GateSpec, type GateChange, type GatesSection, type PairedMetric, type SliceMetric } from '../contract/gate-spec.ts';
export type { GateEvidence, GateFinding, GateSliceRow, Observed } from './gate-evidence.ts';
export { evaluateGates, type GateReport, type GateVerdict } from './evaluate-gates.ts';
export { collectEvidence, gateFindings, type EvidenceInput, type GatedRun } from './collect-evidence.ts';
export { EMPTY_GATES, lockGates, editGates } from './gates-section.ts';
export { gatesFile, type GatesFile } from './gates-file.ts';
export { gatedRun, judgeRun, type JudgeInput } from './judge-run.ts';
export { recheckBundle, type BundleRecheck } from './recheck-bundle.ts';
