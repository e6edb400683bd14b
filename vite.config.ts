import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { wasmThreads } from './scripts/viteWasmThreads';

// One config for the app (vite) and the tests (vitest).
// tfjs ships an ES5 CommonJS build as `main` and an ES2017 ESM build as `module`; the ESM build is
// ~3x faster on the cpu backend (docs/architecture.md, "Node loads tfjs's ES2017 ESM build"), so tests resolve `module` and inline tfjs.
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  plugins: [react(), wasmThreads()],
  worker: { format: 'es', plugins: () => [wasmThreads()] },
  resolve: { mainFields: ['module', 'jsnext:main', 'jsnext'] },
  // Cross-origin isolation (SharedArrayBuffer) lets the wasm backend run multi-threaded.
  server: { port: 5173, headers: ISOLATION },
  preview: { headers: ISOLATION },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    server: { deps: { inline: [/@tensorflow\//] } },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core. Vitest's default (cores - 1) ran one file at a time on the 2-core CI machines: the
    // whole suite took 1,745 s there, against 881 s with two (2026-12-03, same machine, same 730 tests).
    maxWorkers: availableParallelism(),
  },
});
