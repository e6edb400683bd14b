/**
 * GAN losses on D's raw scores. All take and return tensors and are meant to run inside a gradient
 * tape; none reads a value back.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import type { LossKind } from '../project/types';

type T = tfNs.Tensor;
const EPS = 1e-7;

/** A sigmoid head's probabilities turned back into logits, so every loss can work on logits. */
export function toLogits(tf: TF, out: T, activation: string | undefined): T {
  if (activation !== 'sigmoid') return out;
  const p = tf.clipByValue(out, EPS, 1 - EPS);
  return tf.sub(tf.log(p), tf.log(tf.sub(1, p)));
}

/** Mean binary cross-entropy of logits against a constant target, computed stably. */
export function sigmoidCE(tf: TF, logits: T, target: number): T {
  // max(l, 0) - l * t + log(1 + exp(-|l|))
  return tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))));
}

/** Mean softmax cross-entropy of class scores against integer labels. */
export function softmaxCE(tf: TF, scores: T, labels: T, activation: string | undefined): T {
  const k = scores.shape[scores.shape.length - 1]!;
  const logp = activation === 'softmax' ? tf.log(tf.clipByValue(scores, EPS, 1)) : tf.logSoftmax(scores);
  return tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(tf.cast(labels, 'int32'), k), logp), -1)));
}

/** D's loss from its scores on a real and a fake batch (without the gradient penalty). */
export function discriminatorLoss(tf: TF, kind: LossKind, real: T, fake: T, realLabel: number): T {
  switch (kind) {
    case 'nsgan':
    case 'minimax':
      return tf.add(sigmoidCE(tf, real, realLabel), sigmoidCE(tf, fake, 0));
    case 'lsgan':
      return tf.mul(0.5, tf.add(tf.mean(tf.square(tf.sub(real, realLabel))), tf.mean(tf.square(fake))));
    case 'wgan-gp':
      return tf.sub(tf.mean(fake), tf.mean(real));
    case 'hinge':
      return tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake))));
  }
}

/** G's loss from D's scores on its samples. */
export function generatorLoss(tf: TF, kind: LossKind, fake: T): T {
  switch (kind) {
    case 'nsgan': return sigmoidCE(tf, fake, 1);
    // G minimises log(1 - D(G(z))) = -softplus(logit): saturates when D wins, hence 'non-saturating' above.
    case 'minimax': return tf.neg(sigmoidCE(tf, fake, 0));
    case 'lsgan': return tf.mul(0.5, tf.mean(tf.square(tf.sub(fake, 1))));
    case 'wgan-gp':
    case 'hinge': return tf.neg(tf.mean(fake));
  }
}

/** What the D(x) / D(G(z)) charts show: a probability for BCE losses, the raw mean score otherwise. */
export function meanScore(tf: TF, kind: LossKind, scores: T): T {
  return kind === 'nsgan' || kind === 'minimax' ? tf.mean(tf.sigmoid(scores)) : tf.mean(scores);
}

/**
 * WGAN-GP's penalty: (||dD(x̂)/dx̂|| - 1)² on random points between real and fake samples.
 * `critic` maps images to scores (D with any label inputs already bound).
 */
export function gradientPenalty(tf: TF, critic: (x: T) => T, real: T, fake: T, seed?: number): T {
  const b = real.shape[0]!;
  const epsShape = [b, ...real.shape.slice(1).map(() => 1)];
  const eps = tf.randomUniform(epsShape, 0, 1, 'float32', seed);
  const xhat = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));
  const grad = tf.grad((x: T) => tf.sum(critic(x)))(xhat);
  const axes = grad.shape.slice(1).map((_, i) => i + 1);
  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), axes), 1e-12));
  return tf.mean(tf.square(tf.sub(norm, 1)));
}
