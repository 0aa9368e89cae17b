import * as Comlink from 'comlink';
import { profileSnapshot, runChecks, seedRules, suggestRoles, type Snapshot } from '../core/index.ts';
import type { ChecksApi } from './protocol.ts';

const ARRIVAL_TIMEOUT_MS = 10_000;

let snapshot: Snapshot | null = null;
const arrived = new Map<string, Snapshot>();
const waiting = new Map<string, (s: Snapshot) => void>();

function facts(next: Snapshot) {
  snapshot = next;
  const profiles = profileSnapshot(next);
  return { profiles, suggestions: suggestRoles(next, profiles, null), rules: seedRules(next) };
}

const api: ChecksApi = {
  attach(port) {
    port.onmessage = (event: MessageEvent<Snapshot>) => {
      const s = event.data;
      // Keep only the newest snapshot: an older one would only hold memory.
      arrived.clear();
      arrived.set(s.id, s);
      waiting.get(s.id)?.(s);
    };
  },
  async loadById(id) {
    const ready = arrived.get(id);
    if (ready) return facts(ready);
    const next = await new Promise<Snapshot | null>((resolve) => {
      const timer = setTimeout(() => { waiting.delete(id); resolve(null); }, ARRIVAL_TIMEOUT_MS);
      waiting.set(id, (s) => { clearTimeout(timer); waiting.delete(id); resolve(s); });
    });
    return next ? facts(next) : null;
  },
  async load(next) {
    return facts(next);
  },
  async run(contract, seed) {
    if (!snapshot || snapshot.id !== contract.snapshotId) throw new Error('The checks worker holds no snapshot for this contract.');
    return runChecks(snapshot, contract, seed);
  },
};

Comlink.expose(api);
