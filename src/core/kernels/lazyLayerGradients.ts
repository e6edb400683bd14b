/**
 * tfjs-layers' Dense and Conv2D always run tfjs's fused ops (the product, the bias and the activation
 * in one kernel). Under a gradient tape a fused op records ONE custom gradient that computes the
 * gradients of all its inputs, needed or not. In a GAN step that is a lot of dead work: G's update
 * computed D's weight gradients (D's largest convolution's filter gradient among them), D's update the
 * input gradient of D's first layer for real images, and G's first Dense the gradient of the latent
 * input — ~6% of a DCGAN step on wasm (BENCHMARKS.md).
 *
 * While a gradient is being recorded, these two layers run as separate ops instead (conv2d / matMul,
 * add the bias, apply the activation): the same arithmetic, but tfjs keeps a gradient per op and
 * computes only the ones on the path to the variables being trained. Outside a tape (inference, the
 * probes, exported code) the layers run as tfjs wrote them. The layers' weights, configs and saved
 * models do not change. Installed once per tfjs instance with the other training patches (trainingPatches.ts).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../tf';

type T = tfNs.Tensor;
interface LayerLike {
  kernel: { read(): T };
  bias?: { read(): T } | null;
  activation?: { apply(x: T): T };
  invokeCallHook?(inputs: unknown, kwargs: unknown): void;
}
interface ConvLike extends LayerLike {
  rank: number;
  strides: number[];
  padding: string;
  dataFormat: string;
  dilationRate: number | number[];
}
type Call = (this: unknown, inputs: T | T[], kwargs: unknown) => T | T[];
const one = (x: T | T[]) => (Array.isArray(x) ? x[0] : x);

export function patchLazyLayerGradients(tf: TF): void {
  const taping = () => (tf.engine().state as unknown as { gradientDepth: number }).gradientDepth > 0;
  const patch = (proto: Record<string, unknown>, eager: (this: never, x: T) => T | undefined) => {
    if (Object.hasOwn(proto, '__ganvasLazy')) return;
    const original = proto.call as Call;
    proto.call = function (this: LayerLike, inputs: T | T[], kwargs: unknown) {
      if (!taping() || (Array.isArray(inputs) && inputs.length !== 1)) return original.call(this, inputs, kwargs);
      const out = tf.tidy(() => {
        const y = (eager as unknown as (this: LayerLike, x: T) => T | undefined).call(this, one(inputs));
        if (!y) return undefined;
        const biased = this.bias ? tf.add(y, this.bias.read()) : y;
        return this.activation ? this.activation.apply(biased) : biased;
      });
      return out ?? original.call(this, inputs, kwargs);
    };
    proto.__ganvasLazy = true;
  };
  const dense = tf.layers.dense({ units: 1 }),
    conv = tf.layers.conv2d({ filters: 1, kernelSize: 1 });
  patch(Object.getPrototypeOf(dense), function (this: LayerLike, x: T) {
    if (x.rank !== 2) return undefined; // K.dot's reshaping of higher ranks: leave it to tfjs
    this.invokeCallHook?.(x, {});
    return tf.matMul(x, this.kernel.read());
  });
  patch(Object.getPrototypeOf(conv), function (this: ConvLike, x: T) {
    if (this.rank !== 2 || this.dataFormat !== 'channelsLast' || x.rank !== 4) return undefined;
    const d = this.dilationRate;
    return tf.conv2d(
      x as tfNs.Tensor4D,
      this.kernel.read() as tfNs.Tensor4D,
      this.strides as [number, number],
      this.padding === 'same' ? 'same' : 'valid',
      'NHWC',
      (Array.isArray(d) ? d : [d, d]) as [number, number],
    );
  });
}
