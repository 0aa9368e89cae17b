import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { cli } from './cli-runner.ts';

export const TITANIC = new URL('../../public/samples/titanic.csv', import.meta.url).pathname;
/** Debian's interpreter, where python3-numpy, -pandas, -dask and -distributed live (not a pyenv shim). */
export const PYTHON = '/usr/bin/python3';

/** The Titanic contract the scoring tests train under: name is PII, free text and IDs are ignored. */
export const TITANIC_CONTRACT = { label: 'survived', roles: { name: 'pii', ticket: 'ignore', cabin: 'ignore', boat: 'ignore', body: 'ignore', 'home.dest': 'ignore' } };

/** Trains a Titanic bundle with the CLI; returns its output folder and zip path. */
export async function trainTitanic(model: 'logistic' | 'mlp'): Promise<{ dir: string; zip: string }> {
  const dir = mkdtempSync(join(tmpdir(), `mle-score-${model}-`));
  const contract = join(dir, 'contract.json');
  writeFileSync(contract, JSON.stringify(TITANIC_CONTRACT));
  const extra = model === 'mlp' ? ['--config', writeConfig(dir)] : [];
  const { code, stderr } = await cli(['train', TITANIC, '--contract', contract, '--model', model, ...extra, '--seed', '7', '--out', dir]);
  if (code !== 0) throw new Error(`train failed: ${stderr}`);
  const zip = readdirSync(dir).find((f) => f.endsWith('.zip'));
  if (!zip) throw new Error('train wrote no bundle');
  return { dir, zip: join(dir, zip) };
}

function writeConfig(dir: string): string {
  const path = join(dir, 'mlp.json');
  writeFileSync(path, JSON.stringify({ hyperparameters: { hidden: [16, 8], epochs: 15 } }));
  return path;
}

/** Unzips a bundle into a fresh folder (as a reviewer would) and returns the folder. */
export function unzipTo(zip: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mle-bundle-'));
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

/** Why Python tests cannot run here, or null when /usr/bin/python3 imports every module named. */
export function pythonMissing(modules: readonly string[]): string | null {
  try {
    execFileSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { stdio: 'ignore' });
    return null;
  } catch {
    return `${PYTHON} with ${modules.join(', ')} is not installed (apt-get install python3-numpy python3-pandas python3-dask python3-distributed)`;
  }
}

/** Rows of a CSV without quoted fields, as objects keyed by header. */
export function readPlainCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}
