// Builds the CLI into dist-cli/ as plain JavaScript, so `node bin/mle-playground.js` starts without compiling
// TypeScript. Runs on `npm ci` (the `prepare` script), before the unit tests (vitest's globalSetup), in `npm run cli`
// and in `npm run bench`. esbuild bundles our own sources in about 0.1 s; packages stay external and load from
// node_modules, and code splitting keeps each command's imports (tfjs only for `train`) in chunks loaded on demand.
import { renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/** Bundles src/cli/main.ts into dist-cli/main.js and its chunks; resolves once the files are in place. */
export async function buildCli() {
  const outdir = new URL('../dist-cli', import.meta.url).pathname;
  // A fresh folder swapped in whole: chunk names carry content hashes, so building in place would pile up old chunks,
  // and a CLI process started meanwhile sees the old build or the new one, never half of each.
  const staging = `${outdir}.${process.pid}`;
  await build({
    // train-thread is the entry of the second thread `train` starts for a large file (src/cli/train-thread-client.ts).
    entryPoints: { main: new URL('../src/cli/main.ts', import.meta.url).pathname, 'train-thread': new URL('../src/cli/train-thread.ts', import.meta.url).pathname },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(staging, outdir);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await buildCli();
