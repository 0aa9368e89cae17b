import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

function gitSha(): string {
  try {
    return execSync('git rev-parse --short=12 HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

// Cross-origin isolation lets the wasm backend use SharedArrayBuffer threads; a static host must send the same two headers.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [svelte()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __GIT_SHA__: JSON.stringify(gitSha()),
  },
  server: { host: '127.0.0.1', headers: isolation },
  preview: { host: '127.0.0.1', headers: isolation },
  // The dev server's dependency scan starts from index.html and does not follow `new Worker(new URL(...))`: without the
  // workers as entries, the first Train discovers tfjs, re-optimises and reloads the page, and the run is lost.
  optimizeDeps: { entries: ['index.html', 'src/workers/*.worker.ts'] },
  // tfjs-backend-wasm starts its pthreads from the threaded factory's own source text (Function.toString), which a
  // minifier breaks ("e is not defined" in every pthread); the worker chunk therefore ships unminified.
  worker: { format: 'es', rolldownOptions: { output: { minify: false } } },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    // The CLI tests run bin/mle-playground.js, which runs the built CLI: build it from the current sources first.
    globalSetup: ['test/unit/build-cli.setup.ts'],
    // Many unit tests spawn the CLI as a whole process; on a busy 2-core machine one can take longer than vitest's 5 s.
    testTimeout: 30_000,
  },
});
