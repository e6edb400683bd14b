/** tfjs on the cpu backend for Node tests, with Ganvas's fast Conv2DBackpropFilter registered. */
import * as tf from '@tensorflow/tfjs';
import { registerFastCpuKernels } from '../../src/core/kernels/cpuConv2DBackpropFilter';

let ready: Promise<typeof tf> | undefined;
export function cpuTf(): Promise<typeof tf> {
  ready ??= (async () => {
    registerFastCpuKernels(tf);
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return ready;
}
