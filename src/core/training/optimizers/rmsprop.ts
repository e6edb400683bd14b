import { defineOptimizer, num } from './defineOptimizer';

/**
 * tfjs's RMSprop with its defaults: decay (PyTorch's alpha) 0.9, momentum 0, epsilon 1e-7, not
 * centered. tfjs adds epsilon inside the square root (sqrt(ms + eps)); PyTorch outside (sqrt(ms) + eps):
 * equal up to ~eps, which the exporters' parity tests tolerate.
 */
export const rmsprop = defineOptimizer({
  id: 'rmsprop', label: 'RMSprop', usesBetas: false,
  tfjs: (tf, c) => tf.train.rmsprop(c.learningRate),
  typescript: (c) => `tf.train.rmsprop(${num(c.learningRate)})`,
  pytorch: (c, params) => `torch.optim.RMSprop(${params}, lr=${num(c.learningRate)}, alpha=0.9, eps=1e-07, momentum=0.0)`,
});
