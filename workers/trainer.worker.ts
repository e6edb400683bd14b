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
import { Trainer } from './trainer';
import { gpuEnvironment } from './environment';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

const loaders: BackendLoaders = {
  webgpu: async () => { await import('@tensorflow/tfjs-backend-webgpu'); },
  webgl: async () => { /* part of @tensorflow/tfjs */ },
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The threaded build hangs in a Vite bundle on a cross-origin-isolated page (setBackend never returns).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
    // The kernels tfjs's wasm backend lacks for training (Conv2DBackpropFilter, UnsortedSegmentSum).
    registerWasmTrainingKernels(tf);
  },
  cpu: async () => { registerFastCpuKernels(tf); },
  environment: gpuEnvironment,
};

Comlink.expose(new Trainer(tf, loaders));
