import { canonicalJson } from '../canonical-json.ts';
import type { DataContract } from '../contract/data-contract.ts';
import { sha256Hex } from '../data/sha256.ts';
import type { TrainOutcome } from './train-outcome.ts';

/** A saved run: the outcome (weights included) plus what is needed to reproduce and audit it. */
export interface RunRecord {
  readonly id: string;
  /** ISO 8601 time the run finished. */
  readonly createdAt: string;
  readonly snapshotId: string;
  /** SHA-256 of the canonical run config (model, hyperparameters, seed, split, class weights, backend asked for). */
  readonly configHash: string;
  /** Revision of the data contract the run was trained under, or null without one. */
  readonly contractRevision: number | null;
  readonly appVersion: string;
  readonly outcome: TrainOutcome;
  readonly dataContract: DataContract | null;
}

/** Wraps a finished outcome as a run record; `createdAt` and `appVersion` are parameters so tests stay deterministic. */
export async function createRunRecord(outcome: TrainOutcome, dataContract: DataContract | null, createdAt: string, appVersion: string): Promise<RunRecord> {
  const configHash = await sha256Hex(new TextEncoder().encode(canonicalJson(outcome.config)));
  return {
    id: `${outcome.config.model}-${configHash.slice(0, 8)}-${Date.parse(createdAt).toString(36)}`,
    createdAt, snapshotId: outcome.snapshotId, configHash, contractRevision: dataContract?.revision ?? null, appVersion, outcome, dataContract,
  };
}
