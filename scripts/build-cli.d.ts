/** Bundles src/cli/main.ts into dist-cli/main.js and its chunks; resolves once the files are written. */
export function buildCli(): Promise<void>;
