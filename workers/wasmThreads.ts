/// <reference lib="webworker" />
/**
 * How many threads the wasm backend gets. 'auto' uses every core of a 1- or 2-core machine and leaves
 * one to the page on larger ones. Measured in the app on 2 cores (docs/quality.md, the quality-app
 * table): with both cores training, the page still drew 60 frames a second with no long task, and the
 * default DCGAN trained 1.19 steps/s against 0.98 on one thread (Intel Xeon, 2026-12-03; on an AMD EPYC
 * the day before, 1.90 against 1.99: equal within the noise). So on 2 cores the second one is the user's.
 */
import * as tf from '@tensorflow/tfjs';

/** Logical cores as the browser reports them, read before allowWasmThreads changes what tfjs sees. */
const CORES = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;

/** 'auto' on a machine with this many logical cores. */
export const autoWasmThreads = (cores: number): number => Math.max(1, Math.min(8, cores <= 2 ? cores : cores - 1));

export function wasmThreadCount(setting: number | 'auto'): number {
  if (setting === 'auto') return autoWasmThreads(CORES);
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
