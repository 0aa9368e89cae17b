import { createWriteStream, existsSync, statSync } from 'node:fs';
import { createRandom } from '../src/core/index.ts';

const CATS = ['north', 'south', 'east', 'west', 'centre'];

/**
 * Writes a deterministic CSV of `rows` × 25 columns (12 float, 6 integer, 4 categorical, 2 boolean, 1 label) with ~2%
 * missing cells, roughly 190 bytes a row (1M rows ≈ 190 MB); reuses an existing file of the same name.
 */
export async function generateCsv(path: string, rows: number): Promise<number> {
  if (existsSync(path)) return statSync(path).size;
  const random = createRandom(20261126);
  const out = createWriteStream(path);
  const header = [
    ...Array.from({ length: 12 }, (_, i) => `f${i}`), ...Array.from({ length: 6 }, (_, i) => `n${i}`),
    ...Array.from({ length: 4 }, (_, i) => `c${i}`), 'flag_a', 'flag_b', 'label',
  ];
  out.write(`${header.join(',')}\n`);
  let block: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let i = 0; i < 12; i++) cells.push(random.next() < 0.02 ? '' : (random.next() * 2000 - 1000).toFixed(5));
    for (let i = 0; i < 6; i++) cells.push(random.next() < 0.02 ? 'NA' : String(random.nextInt(100000)));
    for (let i = 0; i < 4; i++) cells.push(CATS[random.nextInt(CATS.length)]);
    cells.push(random.next() < 0.5 ? 'true' : 'false', random.next() < 0.3 ? 'yes' : 'no', random.next() < 0.2 ? '1' : '0');
    block.push(cells.join(','));
    if (block.length === 10_000) {
      if (!out.write(`${block.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      block = [];
    }
  }
  if (block.length) out.write(`${block.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return statSync(path).size;
}
