// Builds the CLI into dist-cli/ as plain JavaScript, so `node bin/mle-playground.js` starts without compiling
// TypeScript. Runs on `npm ci` (the `prepare` script), before the unit tests (vitest's globalSetup) and in `npm run bench`.
// esbuild (already installed with tsx) bundles our own sources in ~0.1 s; packages stay external and load from
// node_modules, and code splitting keeps each command's imports (tfjs only for `train`) in chunks loaded on demand.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/** Bundles src/cli/main.ts into dist-cli/main.js and its chunks; resolves once the files are written. */
export async function buildCli() {
  const outdir = new URL('../dist-cli', import.meta.url).pathname;
  // Chunk names carry content hashes: without a clean folder, every rebuild would leave the old chunks behind.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { main: new URL('../src/cli/main.ts', import.meta.url).pathname },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
}

if (process.argv[1] === new URL(import.meta.url).pathname) await buildCli();
