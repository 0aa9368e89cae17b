#!/usr/bin/env node
// Runs the CLI built into dist-cli/ (by `npm ci` through the `prepare` script, or `npm run build:cli`): plain
// JavaScript starts several times faster than compiling the TypeScript at every start.
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/main.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('mle-playground: the CLI is not built yet; run npm run build:cli (npm ci does it)\n');
  process.exit(2);
}
await import(built.href);
