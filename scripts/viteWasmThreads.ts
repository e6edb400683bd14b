/**
 * Makes tfjs's multi-threaded wasm backend work in a bundle. tfjs starts each pthread worker from a
 * Blob holding `wasmFactoryThreadedSimd.toString()`: after bundling and minification that function
 * refers to renamed variables of its closure, so every thread dies with "ReferenceError: e is not
 * defined" and `setBackend('wasm')` waits forever. This plugin puts the untouched emscripten script
 * (tfjs-backend-wasm-threaded-simd.js, which defines WasmBackendModuleThreadedSimd itself) in that
 * Blob instead, for `vite build` (a transform) and for the dev server's dependency pre-bundling (an
 * esbuild plugin). Verified by the browser test that trains on wasm with 2 threads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const TARGET = /@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;
const EXPRESSION = /`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)/;

function threadedScript(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(
    require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'),
    'utf8',
  );
}

function patch(code: string): string {
  if (!EXPRESSION.test(code))
    throw new Error('viteWasmThreads: tfjs-backend-wasm changed; the pthread Blob expression was not found');
  return code.replace(EXPRESSION, () => JSON.stringify(threadedScript()));
}

export function wasmThreads(): Plugin {
  return {
    name: 'ganvas-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      return TARGET.test(id.split('?')[0]) ? { code: patch(code), map: null } : undefined;
    },
    config() {
      return {
        optimizeDeps: {
          esbuildOptions: {
            plugins: [
              {
                name: 'ganvas-wasm-threads',
                setup(build) {
                  build.onLoad({ filter: TARGET }, (args) => ({
                    contents: patch(readFileSync(args.path, 'utf8')),
                    loader: 'js',
                  }));
                },
              },
            ],
          },
        },
      };
    },
  };
}
