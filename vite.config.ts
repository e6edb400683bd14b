import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app (vite) and the tests (vitest).
// tfjs ships an ES5 CommonJS build as `main` and an ES2017 ESM build as `module`; the ESM build is
// ~3x faster on the cpu backend (see docs/platform.md), so tests resolve `module` and inline tfjs.
export default defineConfig({
  plugins: [react()],
  resolve: { mainFields: ['module', 'jsnext:main', 'jsnext'] },
  worker: { format: 'es' },
  server: { port: 5173 },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    server: { deps: { inline: [/@tensorflow\//] } },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
