import { defineLoss } from './defineLoss';
import { sigmoidCE } from './helpers';

export const nsgan = defineLoss({
  id: 'nsgan',
  label: 'Non-saturating BCE',
  score: 'probability',
  description:
    "Goodfellow et al.'s practical loss: D classifies real vs fake with cross-entropy; G maximises log D(G(z)), " +
    'which keeps its gradients strong when D wins. The usual default.',
  tfjs: {
    d: (tf, real, fake, realLabel) => tf.add(sigmoidCE(tf, real, realLabel), sigmoidCE(tf, fake, 0)),
    g: (tf, fake) => sigmoidCE(tf, fake, 1),
  },
  typescript: {
    d: 'tf.add(sigmoidCE(real, TRAINING.realLabel), sigmoidCE(fake, 0))',
    g: 'sigmoidCE(fake, 1)',
    helpers: ['sigmoidCE'],
  },
  pytorch: {
    d: 'sigmoid_ce(real, real_label) + sigmoid_ce(fake, 0.0)',
    g: 'sigmoid_ce(fake, 1.0)',
    helpers: ['sigmoidCE'],
  },
});
