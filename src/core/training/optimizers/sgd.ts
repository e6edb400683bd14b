import { pyFloat } from '../../blocks/shared/torch';
import { defineOptimizer, num } from './defineOptimizer';

export const sgd = defineOptimizer({
  id: 'sgd',
  label: 'SGD',
  usesBetas: false,
  tfjs: (tf, c) => tf.train.sgd(c.learningRate),
  typescript: (c) => `tf.train.sgd(${num(c.learningRate)})`,
  pytorch: (c, params) => `torch.optim.SGD(${params}, lr=${pyFloat(c.learningRate)})`,
});
