/**
 * Math the losses share, once per language: the tfjs function the step runs, and the same function
 * as TypeScript and Python text for the code generators (emitted only when a chosen loss or head
 * needs it).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../tf';

type T = tfNs.Tensor;
const EPS = 1e-7;

/** Mean binary cross-entropy of logits against a constant target, computed stably. */
export function sigmoidCE(tf: TF, logits: T, target: number): T {
  // max(l, 0) - l * t + log(1 + exp(-|l|))
  return tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))));
}

/** Mean softmax cross-entropy of class scores (logits, or probabilities when the head is a softmax) against integer labels. */
export function softmaxCE(tf: TF, scores: T, labels: T, activation: string | undefined): T {
  const k = scores.shape[scores.shape.length - 1]!;
  const logp = activation === 'softmax' ? tf.log(tf.clipByValue(scores, EPS, 1)) : tf.logSoftmax(scores);
  return tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(tf.cast(labels, 'int32'), k), logp), -1)));
}

/** A sigmoid head's probabilities turned back into logits, so every loss can work on logits. */
export function toLogits(tf: TF, out: T, activation: string | undefined): T {
  if (activation !== 'sigmoid') return out;
  const p = tf.clipByValue(out, EPS, 1 - EPS);
  return tf.sub(tf.log(p), tf.log(tf.sub(1, p)));
}

/**
 * WGAN-GP's penalty: (||dD(x̂)/dx̂|| - 1)² on random points between real and fake samples.
 * `critic` maps images to scores (D with any label inputs already bound).
 */
export function gradientPenalty(tf: TF, critic: (x: T) => T, real: T, fake: T, seed?: number): T {
  const b = real.shape[0]!;
  const eps = tf.randomUniform([b, ...real.shape.slice(1).map(() => 1)], 0, 1, 'float32', seed);
  const xhat = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));
  const grad = tf.grad((x: T) => tf.sum(critic(x)))(xhat);
  const axes = grad.shape.slice(1).map((_, i) => i + 1);
  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), axes), 1e-12));
  return tf.mean(tf.square(tf.sub(norm, 1)));
}

/** The same helpers as code text. Keys are what a LossText's `helpers` (or a code generator) asks for. */
export const HELPER_TEXT = {
  sigmoidCE: {
    typescript: [
      '/** Mean binary cross-entropy of logits against a constant target, computed stably. */',
      'function sigmoidCE(logits: tf.Tensor, target: number): tf.Tensor {',
      '  return tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))));',
      '}',
    ].join('\n'),
    pytorch: [
      'def sigmoid_ce(logits, target):',
      '    """Mean binary cross-entropy of logits against a constant target, computed stably."""',
      '    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, target))',
    ].join('\n'),
  },
  softmaxCE: {
    typescript: [
      '/** Mean softmax cross-entropy of class scores (logits, or probabilities when `probs`) against integer labels. */',
      'function softmaxCE(scores: tf.Tensor, labels: tf.Tensor, probs = false): tf.Tensor {',
      '  const k = scores.shape[scores.shape.length - 1]!;',
      '  const logp = probs ? tf.log(tf.clipByValue(scores, 1e-7, 1)) : tf.logSoftmax(scores);',
      "  return tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(tf.cast(labels, 'int32'), k), logp), -1)));",
      '}',
    ].join('\n'),
    pytorch: [
      'def softmax_ce(scores, labels, probs=False):',
      '    """Mean softmax cross-entropy of class scores (logits, or probabilities when probs) against integer labels."""',
      '    logp = torch.log(scores.clamp(1e-7, 1.0)) if probs else F.log_softmax(scores, dim=-1)',
      '    return -logp.gather(-1, labels.long().view(-1, 1)).mean()',
    ].join('\n'),
  },
  gradientPenalty: {
    typescript: [
      "/** WGAN-GP's penalty: (||dD(x̂)/dx̂|| - 1)² on random points between real and fake samples. */",
      'function gradientPenalty(critic: (x: tf.Tensor) => tf.Tensor, real: tf.Tensor, fake: tf.Tensor, seed?: number): tf.Tensor {',
      "  const eps = tf.randomUniform([real.shape[0]!, ...real.shape.slice(1).map(() => 1)], 0, 1, 'float32', seed);",
      '  const xhat = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));',
      '  const grad = tf.grad((x: tf.Tensor) => tf.sum(critic(x)))(xhat);',
      '  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), grad.shape.slice(1).map((_, i) => i + 1)), 1e-12));',
      '  return tf.mean(tf.square(tf.sub(norm, 1)));',
      '}',
    ].join('\n'),
    pytorch: [
      'def gradient_penalty(critic, real, fake, eps):',
      '    """WGAN-GP\'s penalty: (||dD(x_hat)/dx_hat|| - 1)^2 on random points between real and fake samples."""',
      '    x_hat = (eps * real + (1 - eps) * fake).requires_grad_(True)',
      '    grad, = torch.autograd.grad(critic(x_hat).sum(), x_hat, create_graph=True)',
      '    norm = torch.sqrt(grad.pow(2).flatten(1).sum(1) + 1e-12)',
      '    return (norm - 1).pow(2).mean()',
    ].join('\n'),
  },
} as const;

export type HelperName = keyof typeof HELPER_TEXT;
