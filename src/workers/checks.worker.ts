import * as Comlink from 'comlink';
import { profileSnapshot, runChecks, seedRules, suggestRoles, type Snapshot } from '../core/index.ts';
import type { ChecksApi } from './protocol.ts';

let snapshot: Snapshot | null = null;

const api: ChecksApi = {
  async load(next) {
    snapshot = next;
    const profiles = profileSnapshot(next);
    return { profiles, suggestions: suggestRoles(next, profiles, null), rules: seedRules(next) };
  },
  async run(contract, seed) {
    if (!snapshot || snapshot.id !== contract.snapshotId) throw new Error('The checks worker holds no snapshot for this contract.');
    return runChecks(snapshot, contract, seed);
  },
};

Comlink.expose(api);
