/** tfjs backends in Node: cpu (with Ganvas's fast kernels) and wasm (XNNPACK, single-threaded in Node). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';
import { registerFastCpuKernels } from '../core/kernels/cpuConv2DBackpropFilter';
import { registerWasmTrainingKernels } from '../core/kernels/wasmTrainingKernels';
import { installTrainingPatches } from '../core/kernels/trainingPatches';

export const NODE_BACKENDS = ['auto', 'cpu', 'wasm', 'webgpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

export async function useBackend(tf: typeof tfNs, name: 'cpu' | 'wasm' | 'webgpu'): Promise<void> {
  if (name === 'webgpu') {
    throw new Error(
      'the webgpu backend needs a browser here (Node has no WebGPU adapter); use --backend cpu or wasm, or train in the app',
    );
  }
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const req = createRequire(import.meta.url);
    wasm.setWasmPaths(`${join(dirname(req.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
  } else {
    registerFastCpuKernels(tf);
  }
  tf.env().set('PROD', true); // no tfjs-node advert on the terminal
  if (!(await tf.setBackend(name))) throw new Error(`could not start the ${name} backend`);
  await tf.ready();
  if (name === 'wasm') registerWasmTrainingKernels(tf);
  installTrainingPatches(tf);
}

/** True when an error means "this backend lacks a kernel", so another backend may still work. */
export const isMissingKernel = (e: unknown): boolean =>
  /not registered for backend|gradient function not found/i.test(String((e as Error)?.message ?? e));
