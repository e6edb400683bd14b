/** Kernels for the wasm backend composed from its own kernels (shared by the training kernels). */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../tf';

export type Info = tfNs.TensorInfo;
export type KernelCall = (args: { inputs: unknown; backend: unknown; attrs: Record<string, unknown> }) => Info;
export interface BackendLike {
  disposeData(id: unknown): void;
}
/** The parts of tfjs's wasm backend the stand-ins use: allocate an output, view a tensor's heap memory. */
export interface WasmBackend extends BackendLike {
  makeOutput(shape: number[], dtype: string, memoryOffset?: number, values?: Float32Array): Info;
  typedArrayFromHeap(t: Info): Float32Array | Int32Array | Uint8Array;
}
const replaced = new Set<string>();

export type KernelArgs = { inputs: unknown; backend: unknown; attrs: unknown };

/**
 * Registers `name` for wasm as a composition of wasm's own kernels, reached through `k`: unless tfjs
 * already has it, or, with `replace`, in place of tfjs's own (once: a second call keeps the first).
 */
export function registerComposite(
  tf: TF,
  name: string,
  body: (k: (kernel: string) => KernelCall, args: KernelArgs) => Info,
  replace = false,
): void {
  const existing = tf.getKernel(name, 'wasm');
  if (existing && (!replace || replaced.has(name))) return;
  if (existing) {
    tf.unregisterKernel(name, 'wasm');
    replaced.add(name);
  }
  const k = (kernel: string): KernelCall => {
    const cfg = tf.getKernel(kernel, 'wasm');
    if (!cfg) throw new Error(`wasm backend lacks ${kernel}, needed to compose ${name}`);
    return cfg.kernelFunc as unknown as KernelCall;
  };
  tf.registerKernel({
    kernelName: name,
    backendName: 'wasm',
    kernelFunc: (args) => body(k, args as unknown as KernelArgs) as tfNs.TensorInfo,
  });
}

/**
 * Puts `make(stock)` in place of tfjs's own wasm kernel `name` (once; a second call keeps the first).
 * The stock kernel's setup is kept, so `stock` stays callable for the cases the stand-in passes on.
 */
export function replaceStockKernel(
  tf: TF,
  name: string,
  make: (stock: KernelCall) => (args: KernelArgs) => Info,
): void {
  const existing = tf.getKernel(name, 'wasm');
  if (!existing || (existing as { ganvas?: boolean }).ganvas) return;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({
    kernelName: name,
    backendName: 'wasm',
    setupFunc: existing.setupFunc,
    ganvas: true,
    kernelFunc: make(existing.kernelFunc as unknown as KernelCall) as unknown as tfNs.KernelFunc,
  } as tfNs.KernelConfig);
}
