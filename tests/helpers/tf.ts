/** tfjs backends for Node tests, with Ganvas's training kernels registered. */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { registerFastCpuKernels } from '../../src/core/kernels/cpuConv2DBackpropFilter';
import { registerWasmTrainingKernels } from '../../src/core/kernels/wasmTrainingKernels';
import { installTrainingPatches } from '../../src/core/kernels/trainingPatches';

let cpuReady: Promise<typeof tf> | undefined;
/** The cpu backend with the fast Conv2DBackpropFilter. */
export function cpuTf(): Promise<typeof tf> {
  cpuReady ??= (async () => {
    registerFastCpuKernels(tf);
    await tf.setBackend('cpu');
    await tf.ready();
    installTrainingPatches(tf);
    return tf;
  })();
  return cpuReady;
}

/** The wasm backend (XNNPACK; ~10x faster than cpu on convolutions) with the composed training kernels. */
export async function wasmTf(): Promise<typeof tf> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(
    `${join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`,
  );
  await tf.setBackend('wasm');
  await tf.ready();
  registerWasmTrainingKernels(tf);
  installTrainingPatches(tf);
  return tf;
}
