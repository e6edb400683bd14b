import { defineBlock } from './defineBlock';
import { int } from './params';

export const continuousCode = defineBlock({
  type: 'continuousCode',
  label: 'Continuous codes',
  category: 'inputs',
  network: 'generator',
  inputRole: 'continuousCode',
  description: 'InfoGAN: random codes in [-1, 1] the Q head must recover (often width or slant of a digit).',
  params: { count: int(2, { min: 1, max: 64 }) },
  inputs: [],
  inferShape: (_i, p) => [p.count],
  sample: (tf, p, batch, ctx) => {
    const v = tf.randomUniform([batch, p.count], -1, 1, 'float32', ctx.seed);
    return { value: v, target: v };
  },
  emitSample: (p) => ({ value: `tf.randomUniform([batch, ${p.count}], -1, 1, 'float32', seed)`, target: 'value' }),
  torch: {
    sample: (p) => ({ value: `torch.rand(batch, ${p.count}, generator=rng, device=device) * 2 - 1`, target: 'value' }),
  },
  codeSize: (p) => p.count,
  latentDistribution: () => 'uniform',
  summary: (p) => `${p.count} × U(-1, 1)`,
});
