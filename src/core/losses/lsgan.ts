import { defineLoss } from './defineLoss';

export const lsgan = defineLoss({
  id: 'lsgan',
  label: 'Least squares',
  score: 'raw',
  description:
    "Mao et al.'s LSGAN: D regresses real samples to the real label and fakes to 0, G pulls D's score on fakes " +
    'towards 1. Penalises samples far from the boundary, which keeps gradients alive.',
  tfjs: {
    d: (tf, real, fake, realLabel) =>
      tf.mul(0.5, tf.add(tf.mean(tf.square(tf.sub(real, realLabel))), tf.mean(tf.square(fake)))),
    g: (tf, fake) => tf.mul(0.5, tf.mean(tf.square(tf.sub(fake, 1)))),
  },
  typescript: {
    d: 'tf.mul(0.5, tf.add(tf.mean(tf.square(tf.sub(real, TRAINING.realLabel))), tf.mean(tf.square(fake))))',
    g: 'tf.mul(0.5, tf.mean(tf.square(tf.sub(fake, 1))))',
    helpers: [],
  },
  pytorch: {
    d: '0.5 * ((real - real_label).pow(2).mean() + fake.pow(2).mean())',
    g: '0.5 * (fake - 1.0).pow(2).mean()',
    helpers: [],
  },
});
