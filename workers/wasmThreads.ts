/// <reference lib="webworker" />
/**
 * How many threads the wasm backend gets. 'auto' leaves one core to the page (its frames and the
 * browser's compositor): on a 2-core laptop, 2 busy wasm threads make the page stutter.
 */
import * as tf from '@tensorflow/tfjs';

/** Logical cores as the browser reports them, read before allowWasmThreads changes what tfjs sees. */
const CORES = (self.navigator?.hardwareConcurrency as number | undefined) ?? 1;

export function wasmThreadCount(setting: number | 'auto'): number {
  const cores = CORES;
  if (setting === 'auto') return Math.max(1, Math.min(8, cores - 1));
  return Math.max(1, Math.min(16, Math.round(setting)));
}

/** The threads the running wasm backend really uses (1 when not threaded). */
export function wasmThreadsInUse(): number {
  const b = tf.backend() as unknown as { wasm?: { tfjs?: { getThreadsCount?: () => number } } };
  return b.wasm?.tfjs?.getThreadsCount?.() ?? 1;
}

/**
 * Asks for `threads` XNNPACK threads. tfjs's wasm backend caps its pool at hardwareConcurrency / 2
 * (it assumes two hyperthreads per core), so on a 2-core machine it never uses a second thread. The
 * cap is computed from navigator.hardwareConcurrency inside this worker, so the worker reports twice
 * the threads wanted to tfjs (and only to tfjs: wasmThreadCount reads the real figure, kept above).
 */
export function allowWasmThreads(wasm: { setThreadsCount(n: number): void }, threads: number): void {
  wasm.setThreadsCount(threads);
  try {
    Object.defineProperty(self.navigator, 'hardwareConcurrency', {
      configurable: true,
      get: () => Math.max(CORES, 2 * threads),
    });
  } catch {
    /* a browser that forbids it keeps tfjs's own cap */
  }
}
