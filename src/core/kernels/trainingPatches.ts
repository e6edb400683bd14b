/**
 * Every change Ganvas makes to tfjs itself for training, installed explicitly, once per tfjs instance,
 * where a backend is set up (the worker, the CLI, the benchmarks, the test helpers) — never as a side
 * effect of building a training step:
 *   - zero gradients for comparison ops (second-order gradients of WGAN-GP's penalty),
 *   - lazy layer gradients: tfjs-layers' Dense and Conv2D run as separate ops under a tape, so only the
 *     gradients on the path to the trained variables are computed (lazyLayerGradients.ts).
 * Backend kernels (wasm, cpu) are registered per backend by their own modules.
 */
import type { TF } from '../tf';
import { registerZeroGradients } from './zeroGradients';
import { patchLazyLayerGradients } from './lazyLayerGradients';

const installed = new WeakSet<object>();

export function installTrainingPatches(tf: TF): void {
  if (installed.has(tf.engine())) return;
  registerZeroGradients(tf);
  patchLazyLayerGradients(tf);
  installed.add(tf.engine());
}

/** The training step refuses to run without them: a missing install would make WGAN-GP fail and every step slower. */
export function assertTrainingPatches(tf: TF): void {
  if (!installed.has(tf.engine())) {
    throw new Error(
      'tfjs is not set up for training: call installTrainingPatches(tf) (src/core/kernels/trainingPatches.ts) where the backend is set up',
    );
  }
}
