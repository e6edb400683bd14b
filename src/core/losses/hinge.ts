import { defineLoss } from './defineLoss';

export const hinge = defineLoss({
  id: 'hinge',
  label: 'Hinge',
  score: 'raw',
  description:
    "The hinge loss of SAGAN and BigGAN: D pushes real scores above 1 and fake scores below −1; G raises D's " +
    'score on its samples.',
  tfjs: {
    d: (tf, real, fake) => tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake)))),
    g: (tf, fake) => tf.neg(tf.mean(fake)),
  },
  typescript: {
    d: 'tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake))))',
    g: 'tf.neg(tf.mean(fake))',
    helpers: [],
  },
  pytorch: { d: 'F.relu(1.0 - real).mean() + F.relu(1.0 + fake).mean()', g: '-fake.mean()', helpers: [] },
});
