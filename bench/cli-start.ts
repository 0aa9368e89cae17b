import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '../src/core/random.ts';

// `npm run bench:cli`: cold start of each CLI command as a whole `node bin/mle-playground.js …` process, best of
// five, run alternately with `node -e 0` (the reference, the cost of starting Node at all). Targets from issue 9.
const BIN = new URL('../bin/mle-playground.js', import.meta.url).pathname;
const TITANIC = new URL('../public/samples/titanic.csv', import.meta.url).pathname;
const ROUNDS = Number(process.argv[2] ?? 5);

// 1,000 rows of seeded scores whose label follows the score, so the report has every metric defined.
const rng = createRandom(1);
const random = () => rng.next();
const rows = Array.from({ length: 1000 }, () => {
  const score = random();
  return `${random() < score ? 1 : 0},${score},${random() < 0.5 ? 'a' : 'b'}`;
});
const scores = join(mkdtempSync(join(tmpdir(), 'mle-bench-cli-')), 'scores.csv');
writeFileSync(scores, `label,score,group\n${rows.join('\n')}\n`);

interface Case { readonly name: string; readonly args: readonly string[]; readonly target: number | null }
const cases: Case[] = [
  { name: 'node -e 0 (reference)', args: ['-e', '0'], target: null },
  { name: '--help', args: [BIN, '--help'], target: 0.3 },
  { name: 'profile titanic.csv', args: [BIN, 'profile', TITANIC], target: 0.6 },
  { name: 'evaluate 1,000 scores', args: [BIN, 'evaluate', scores, '--label', 'label', '--score', 'score'], target: 0.6 },
  { name: 'train --help', args: [BIN, 'train', '--help'], target: null },
];

const best = new Map<string, number>(cases.map((c) => [c.name, Infinity]));
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, c.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}: ${result.stderr.toString().trim()}`);
    best.set(c.name, Math.min(best.get(c.name) as number, seconds));
  }
}

const node = best.get(cases[0].name) as number;
console.log(`CLI cold start: whole processes, best of ${ROUNDS}, alternated (Node ${process.version})`);
for (const c of cases) {
  const s = best.get(c.name) as number;
  const goal = c.target === null ? '' : `  target ≤ ${c.target.toFixed(1)} s ${s <= c.target ? 'met' : 'MISSED'}`;
  console.log(`${c.name.padEnd(26)} ${s.toFixed(3).padStart(7)} s  ratio ${(s / node).toFixed(1).padStart(5)} × node -e 0${goal}`);
}
