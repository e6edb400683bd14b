/// <reference lib="webworker" />
/**
 * The training worker: tfjs lives here, never on the page. Backends are imported lazily so a page
 * that never uses WebGPU or WASM never downloads them; the wasm binaries get Vite URLs.
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import type { BackendLoaders } from '../src/core/backend/choose';
import { registerFastCpuKernels } from '../src/core/kernels/cpuConv2DBackpropFilter';
import { registerWasmTrainingKernels } from '../src/core/kernels/wasmTrainingKernels';
import { installTrainingPatches } from '../src/core/kernels/trainingPatches';
import { Trainer } from './trainer';
import { gpuEnvironment } from './environment';
import { allowWasmThreads, wasmThreadCount, wasmThreadsInUse } from './wasmThreads';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

const loaders: BackendLoaders = {
  webgpu: async () => {
    await import('@tensorflow/tfjs-backend-webgpu');
  },
  webgl: async () => {
    /* part of @tensorflow/tfjs */
  },
  wasm: async (o) => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Threads need SharedArrayBuffer, so a cross-origin-isolated page (the dev server and the built
    // app send COOP/COEP). tfjs's pthread workers only start in a bundle thanks to
    // scripts/viteWasmThreads.ts; without it, setBackend('wasm') would hang here.
    const isolated = (self as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', isolated);
    if (isolated) allowWasmThreads(wasm, wasmThreadCount(o?.wasmThreads ?? 'auto'));
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
    // The kernels tfjs's wasm backend lacks for training (Conv2DBackpropFilter, UnsortedSegmentSum).
    registerWasmTrainingKernels(tf);
  },
  cpu: async () => {
    registerFastCpuKernels(tf);
  },
  environment: gpuEnvironment,
  details: (name) => {
    if (name !== 'wasm') return undefined;
    const n = wasmThreadsInUse();
    return n > 1 ? `${n} threads` : '1 thread';
  },
};

// tfjs's own patches for training (not backend-specific), once for this worker's tfjs.
installTrainingPatches(tf);
Comlink.expose(new Trainer(tf, loaders));
