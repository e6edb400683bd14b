import { defineLoss } from './defineLoss';
import { sigmoidCE } from './helpers';

export const minimax = defineLoss({
  id: 'minimax',
  label: 'Minimax BCE',
  score: 'probability',
  description:
    "The original two-player game: G minimises log(1 − D(G(z))). Its gradients vanish when D wins (it 'saturates'); " +
    'kept for teaching the difference.',
  tfjs: {
    d: (tf, real, fake, realLabel) => tf.add(sigmoidCE(tf, real, realLabel), sigmoidCE(tf, fake, 0)),
    // G minimises log(1 - D(G(z))) = -BCE(fake, 0).
    g: (tf, fake) => tf.neg(sigmoidCE(tf, fake, 0)),
  },
  typescript: {
    d: 'tf.add(sigmoidCE(real, TRAINING.realLabel), sigmoidCE(fake, 0))',
    g: 'tf.neg(sigmoidCE(fake, 0))',
    helpers: ['sigmoidCE'],
  },
  pytorch: {
    d: 'sigmoid_ce(real, real_label) + sigmoid_ce(fake, 0.0)',
    g: '-sigmoid_ce(fake, 0.0)',
    helpers: ['sigmoidCE'],
  },
});
