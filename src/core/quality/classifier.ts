/**
 * The reference MNIST classifier behind the quality metrics: a tiny convnet written as plain tfjs ops
 * (no layers), so the same forward pass trains it (src/cli/trainClassifier.ts), runs in the worker and
 * in Node on any backend, and is trivially disposed.
 *
 *   x [n,28,28,1] in [0,1] -> conv 3x3 16 + ReLU -> maxpool 2 -> conv 3x3 32 + ReLU -> maxpool 2
 *     -> flatten 1568 -> dense 64 + ReLU (the *features* for the Frechet distance) -> dense 10 (logits)
 *
 * 105,866 parameters, ~1.1 M multiply-adds per image. Shipped in classifier-weights.json with kernels
 * quantised to int8 per output unit (see quantize.ts).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';

type T = tfNs.Tensor;

/** Name and shape of every weight, in file order. */
export const CLASSIFIER_SHAPES: Record<string, number[]> = {
  conv1: [3, 3, 1, 16],
  conv1b: [16],
  conv2: [3, 3, 16, 32],
  conv2b: [32],
  fc1: [7 * 7 * 32, 64],
  fc1b: [64],
  out: [64, 10],
  outb: [10],
};
export const FEATURE_DIM = 64;
export const NUM_CLASSES = 10;

export type ClassifierWeights<W extends T = T> = Record<keyof typeof CLASSIFIER_SHAPES, W>;

/** Features (penultimate layer, after ReLU) and class logits for images in [0, 1]. */
export function classifierForward(tf: TF, w: ClassifierWeights, x: T): { features: T; logits: T } {
  return tf.tidy(() => {
    const x4 = x.rank === 4 ? x : tf.reshape(x, [-1, 28, 28, 1]);
    const c1 = tf.maxPool(
      tf.relu(tf.add(tf.conv2d(x4 as tfNs.Tensor4D, w.conv1 as tfNs.Tensor4D, 1, 'same'), w.conv1b)) as tfNs.Tensor4D,
      2,
      2,
      'valid',
    );
    const c2 = tf.maxPool(
      tf.relu(tf.add(tf.conv2d(c1, w.conv2 as tfNs.Tensor4D, 1, 'same'), w.conv2b)) as tfNs.Tensor4D,
      2,
      2,
      'valid',
    );
    const flat = tf.reshape(c2, [-1, 7 * 7 * 32]);
    const features = tf.relu(tf.add(tf.matMul(flat as tfNs.Tensor2D, w.fc1 as tfNs.Tensor2D), w.fc1b));
    const logits = tf.add(tf.matMul(features as tfNs.Tensor2D, w.out as tfNs.Tensor2D), w.outb);
    return { features, logits };
  });
}

/** Fresh weights for training: He-normal kernels, zero biases. */
export function initClassifierWeights(tf: TF, seed = 1): ClassifierWeights<tfNs.Variable> {
  const out: Partial<ClassifierWeights<tfNs.Variable>> = {};
  let i = 0;
  for (const [name, shape] of Object.entries(CLASSIFIER_SHAPES)) {
    const fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const init =
      shape.length === 1 ? tf.zeros(shape) : tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', seed + i++);
    out[name as keyof ClassifierWeights] = tf.variable(init, true, `classifier_${name}`);
    init.dispose();
  }
  return out as ClassifierWeights<tfNs.Variable>;
}

/** Pixels scaled for a generator ('tanh': [-1, 1], 'sigmoid': [0, 1]) -> the classifier's [0, 1]. */
export function toUnitRange(tf: TF, x: T, scale: 'tanh' | 'sigmoid'): T {
  return scale === 'tanh' ? tf.tidy(() => tf.clipByValue(tf.mul(tf.add(x, 1), 0.5), 0, 1)) : tf.clipByValue(x, 0, 1);
}
