import { describe, expect, it } from 'vitest';
import type * as tfNs from '@tensorflow/tfjs';
import { cpuTf } from '../helpers/tf';
import { stockConv2DBackpropFilter } from '../../src/core/kernels/cpuConv2DBackpropFilter';
import { mulberry32 } from '../../src/core/data/random';

describe("the cpu backend's fast Conv2DBackpropFilter", () => {
  it('matches the stock tfjs kernel within 1e-4 on odd shapes, strides 1-2, same/valid, kernels 1-5', async () => {
    const tf = await cpuTf();
    const rand = mulberry32(7);
    const stock = stockConv2DBackpropFilter!;
    expect(stock).toBeDefined();
    let cases = 0;
    for (const [b, h, w, ci, co] of [
      [1, 5, 7, 1, 3],
      [3, 8, 8, 4, 2],
      [2, 9, 6, 3, 5],
    ]) {
      for (const k of [1, 2, 3, 5]) {
        for (const s of [1, 2]) {
          for (const pad of ['same', 'valid'] as const) {
            if (pad === 'valid' && (k > h || k > w)) continue;
            const x = tf.tensor4d(
              Float32Array.from({ length: b * h * w * ci }, () => rand() - 0.5),
              [b, h, w, ci],
            );
            const filter = [k, k, ci, co] as [number, number, number, number];
            const y = tf.conv2d(x, tf.zeros(filter) as tfNs.Tensor4D, s, pad);
            const dy = tf.tensor4d(
              Float32Array.from({ length: y.size }, () => rand() - 0.5),
              y.shape as [number, number, number, number],
            );
            // The gradient of conv2d with respect to its filter runs the registered (fast) kernel.
            const fast = tf.grad((f: tfNs.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tfNs.Tensor4D, s, pad), dy)))(
              tf.zeros(filter),
            );
            const attrs = { strides: s, pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: filter };
            const refInfo = stock.kernelFunc({
              inputs: { x, dy },
              backend: tf.backend(),
              attrs,
            } as never) as tfNs.TensorInfo;
            const ref = tf.engine().makeTensorFromTensorInfo(refInfo);
            const a = fast.dataSync(),
              r = ref.dataSync();
            for (let i = 0; i < r.length; i++)
              expect(Math.abs(a[i] - r[i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(r[i])));
            tf.dispose([x, y, dy, fast, ref]);
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(40);
  });
});
