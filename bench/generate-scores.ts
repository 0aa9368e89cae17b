import { createWriteStream, existsSync, statSync } from 'node:fs';
import { createRandom } from '../src/core/index.ts';

/**
 * Writes a deterministic scores CSV (label,score) of `rows` rows: 30 % positives, scores a logistic of a noisy
 * margin printed at full precision, so nearly every score is distinct (a real model's probabilities); reuses an
 * existing file of the same name. Returns its size in bytes.
 */
export async function generateScores(path: string, rows: number): Promise<number> {
  if (existsSync(path)) return statSync(path).size;
  const random = createRandom(17);
  const out = createWriteStream(path);
  out.write('label,score\n');
  let block: string[] = [];
  for (let i = 0; i < rows; i++) {
    const label = random.next() < 0.3 ? 1 : 0;
    const margin = (label ? 1.2 : -0.8) + (random.next() + random.next() + random.next() - 1.5) * 2.5;
    block.push(`${label},${1 / (1 + Math.exp(-margin))}`);
    if (block.length === 10_000) {
      if (!out.write(`${block.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      block = [];
    }
  }
  if (block.length) out.write(`${block.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return statSync(path).size;
}
