import { buildCli } from '../../scripts/build-cli.js';

/** Vitest global setup: builds dist-cli/ once per test run (about 0.1 s), so the CLI tests never run a stale build. */
export default async function setup(): Promise<void> {
  await buildCli();
}
