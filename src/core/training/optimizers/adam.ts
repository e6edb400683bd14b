import { pyFloat } from '../../blocks/shared/torch';
import { defineOptimizer, num } from './defineOptimizer';

/** tfjs's Adam: epsilon 1e-7 (PyTorch's default is 1e-8), no weight decay, no amsgrad. */
export const adam = defineOptimizer({
  id: 'adam',
  label: 'Adam',
  usesBetas: true,
  tfjs: (tf, c) => tf.train.adam(c.learningRate, c.beta1, c.beta2),
  typescript: (c) => `tf.train.adam(${num(c.learningRate)}, ${num(c.beta1)}, ${num(c.beta2)})`,
  pytorch: (c, params) =>
    `torch.optim.Adam(${params}, lr=${pyFloat(c.learningRate)}, betas=(${pyFloat(c.beta1)}, ${pyFloat(c.beta2)}), eps=1e-07)`,
});
