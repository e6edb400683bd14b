import { defineBlock, one } from './defineBlock';
import { float } from './params';
import { py } from './shared/torch';

export const gaussianNoise = defineBlock({
  type: 'gaussianNoise',
  label: 'Gaussian Noise',
  category: 'regularization',
  description:
    'While training, adds N(0, stddev²) noise: a classic way to keep a discriminator from winning too early.',
  params: { stddev: float(0.1, { min: 0 }) },
  inputs: [{ name: 'x' }],
  inferShape: (i) => one(i),
  layer: { fn: 'gaussianNoise', args: (p, name) => ({ name, stddev: p.stddev }) },
  torch: {
    forward: ({ p, inputs: [x] }) =>
      `(${x.expr} + ${py(p.stddev)} * torch.randn_like(${x.expr}) if self.training else ${x.expr})`,
  },
  summary: (p) => `σ ${p.stddev}`,
});
