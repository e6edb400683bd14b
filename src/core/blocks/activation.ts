import { defineBlock, one, prod } from './defineBlock';
import { choice, float } from './params';
import { activationPy } from './shared/torch';

const FUNCTIONS = ['relu', 'leakyRelu', 'tanh', 'sigmoid', 'elu', 'softmax', 'linear'] as const;

export const activation = defineBlock({
  type: 'activation',
  label: 'Activation',
  category: 'activation',
  description:
    'An element-wise non-linearity. LeakyReLU keeps a small slope (alpha) for negative inputs so gradients never die.',
  params: {
    fn: choice(FUNCTIONS, 'leakyRelu', { label: 'function' }),
    alpha: float(0.3, { min: 0, max: 1, step: 0.05, visibleIf: { param: 'fn', values: ['leakyRelu'] } }),
  },
  inputs: [{ name: 'x' }],
  inferShape: (i) => one(i),
  macs: (i) => prod(one(i)),
  layer: {
    // LeakyReLU needs its own layer for alpha; the rest are tfjs activation names.
    fn: (p) => (p.fn === 'leakyRelu' ? 'leakyReLU' : 'activation'),
    args: (p, name) => (p.fn === 'leakyRelu' ? { name, alpha: p.alpha } : { name, activation: p.fn }),
  },
  torch: { forward: ({ p, inputs: [x] }) => activationPy(p.fn, x.expr, x.shape, p.alpha) },
  activationOf: (p) => p.fn,
  summary: (p) => (p.fn === 'leakyRelu' ? `LeakyReLU α=${p.alpha}` : String(p.fn)),
});
