/**
 * tfjs registers no gradient for comparison ops, so second-order gradients (WGAN-GP's penalty
 * differentiates D's input gradient, which for LeakyReLU contains `Greater`) fail with
 * "gradient function not found for Greater". A comparison's gradient is zero almost everywhere,
 * which is what we register, only where tfjs has none.
 */
import type { TF } from '../tf';

const COMPARISONS = ['Greater', 'GreaterEqual', 'Less', 'LessEqual', 'Equal', 'NotEqual'];

export function registerZeroGradients(tf: TF): void {
  for (const kernelName of COMPARISONS) {
    if (tf.getGradient(kernelName)) continue;
    tf.registerGradient({
      kernelName,
      inputsToSave: ['a', 'b'],
      gradFunc: (_dy, saved) => {
        const [a, b] = saved as unknown as [import('@tensorflow/tfjs').Tensor, import('@tensorflow/tfjs').Tensor];
        return { a: () => tf.zerosLike(a), b: () => tf.zerosLike(b) };
      },
    });
  }
}
