import type { RunConfig } from '../config.ts';

/** What the person decided at the end of an iteration. */
export const LEDGER_DECISIONS = ['promote', 'keep-champion', 'iterate', 'stop'] as const;
export type LedgerDecision = (typeof LEDGER_DECISIONS)[number];

/** The words a decision reads as in the app and in ledger.md. */
export const DECISION_LABELS: Readonly<Record<LedgerDecision, string>> = {
  promote: 'Promote', 'keep-champion': 'Keep champion', iterate: 'Iterate', stop: 'Stop',
};

/** One run an entry is about: enough to find and reproduce it. */
export interface LedgerRun {
  readonly id: string;
  readonly role: 'baseline' | 'candidate';
  readonly model: RunConfig['model'];
  /** SHA-256 of the canonical run config (hex). */
  readonly configHash: string;
  readonly seed: number;
  readonly snapshotId: string;
  readonly contractRevision: number | null;
  /** The run config itself, so a later entry can say in words what changed. */
  readonly config: RunConfig;
  readonly label: string;
  readonly positiveClass: string;
  readonly features: readonly string[];
  /** The decision threshold the figures of this entry were taken at. */
  readonly threshold: number;
}

/** One metric, baseline against candidate on the same test rows; `delta` = candidate − baseline with its paired interval. */
export interface LedgerMetricMove {
  readonly metric: string;
  readonly baseline: number | null;
  readonly candidate: number | null;
  readonly delta: number | null;
  /** Paired-bootstrap interval of the delta, or null (bootstrap off, or the runs' test rows differ). */
  readonly ci: { readonly lo: number | null; readonly hi: number | null } | null;
}

/** One slice's movement: ROC AUC of each run there, and whether the candidate is clearly worse (interval wholly below). */
export interface LedgerSliceMove {
  readonly slice: string;
  readonly n: number;
  readonly tooSmall: boolean;
  readonly baselineAuc: number | null;
  readonly candidateAuc: number | null;
  readonly candidateWorse: boolean;
}

/** Confusion counts of one run on the test split at its threshold. */
export interface LedgerErrors {
  readonly run: string;
  readonly threshold: number;
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

/** A gate verdict as the gates step reports it (any list of named pass/fail checks). */
export interface LedgerGate {
  readonly gate: string;
  readonly passed: boolean;
  readonly observed?: string;
}

/** What the person writes; everything else in an entry the app prefills and the person may edit. */
export interface LedgerDraft {
  readonly runs: readonly LedgerRun[];
  /** What changed since the previous entry, one sentence each. */
  readonly changes: readonly string[];
  readonly metrics: readonly LedgerMetricMove[];
  readonly slices: readonly LedgerSliceMove[];
  readonly errors: readonly LedgerErrors[];
  readonly gates: readonly LedgerGate[];
  readonly decision: LedgerDecision | null;
  readonly reason: string;
  readonly lesson: string;
  readonly nextExperiment: string;
  /** ID of an earlier entry this one corrects (entries are never edited), or null. */
  readonly corrects: string | null;
  /** How the metric movement was measured, in words (threshold policy, bootstrap). */
  readonly method: string;
  /** The champion bundle this decision is about (a roll back ships it unchanged); absent for entries about runs only. */
  readonly champion?: { readonly bundleId: string; readonly action: 'rollback'; readonly sha256: string };
  /** A shadow comparison of two bundles this decision is about (its figures); absent for other entries. */
  readonly shadow?: LedgerShadow;
}

/** One bundle of a shadow comparison: its ID, zip file name and SHA-256 (hex), and the threshold it decides at. */
export interface LedgerShadowBundle {
  readonly bundleId: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly threshold: number;
}

/** The figures of a shadow comparison (champion vs candidate on one snapshot) and the triggers judged on them. */
export interface LedgerShadow {
  readonly champion: LedgerShadowBundle;
  readonly candidate: LedgerShadowBundle;
  readonly snapshot: { readonly fileName: string; readonly rows: number };
  readonly rows: number;
  readonly disagreements: number;
  readonly disagreementRate: number | null;
  readonly newlyPositive: number;
  readonly newlyNegative: number;
  readonly slice: { readonly column: string; readonly values: readonly { readonly value: string; readonly rows: number; readonly disagreements: number }[] } | null;
  /** Switching cost (candidate − champion) at the FP/FN costs used; realised is null without labels. */
  readonly cost: { readonly fp: number; readonly fn: number; readonly expectedChange: number; readonly realisedChange: number | null } | null;
  /** Paired deltas (candidate − champion) on the labelled rows with their interval; [] without labels of both classes. */
  readonly paired: readonly { readonly metric: string; readonly delta: number | null; readonly lo: number | null; readonly hi: number | null }[];
  readonly triggers: readonly { readonly rule: string; readonly live: number | null; readonly fired: boolean }[];
}

/** A committed entry: a draft plus its place in the ledger. Never changed once committed. */
export interface LedgerEntry extends LedgerDraft {
  readonly format: 1;
  /** `entry-<seq>`. */
  readonly id: string;
  /** 1-based position in the ledger. */
  readonly seq: number;
  /** ISO 8601 commit time. */
  readonly committedAt: string;
  readonly decision: LedgerDecision;
}
