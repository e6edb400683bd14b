import { defineLoss } from './defineLoss';

export const wganGp = defineLoss({
  id: 'wgan-gp',
  label: 'Wasserstein + GP',
  score: 'raw',
  unboundedCritic: true,
  gradientPenalty: true,
  description:
    "Gulrajani et al.'s WGAN-GP: D is a critic whose score gap estimates the Wasserstein distance, kept " +
    '1-Lipschitz by a gradient penalty (weight λ). Usually with several critic steps per G step.',
  tfjs: {
    d: (tf, real, fake) => tf.sub(tf.mean(fake), tf.mean(real)),
    g: (tf, fake) => tf.neg(tf.mean(fake)),
  },
  typescript: { d: 'tf.sub(tf.mean(fake), tf.mean(real))', g: 'tf.neg(tf.mean(fake))', helpers: [] },
  pytorch: { d: 'fake.mean() - real.mean()', g: '-fake.mean()', helpers: [] },
});
