import { defineBlock } from './defineBlock';
import { choice, int } from './params';

export const latentNoise = defineBlock({
  type: 'latentNoise',
  label: 'Latent noise z',
  category: 'inputs',
  network: 'generator',
  inputRole: 'noise',
  description: 'The random vector the generator turns into a sample. A new batch is drawn every step.',
  params: { size: int(100, { min: 1, max: 4096 }), distribution: choice(['normal', 'uniform'], 'normal') },
  inputs: [],
  inferShape: (_i, p) => [p.size],
  sample: (tf, p, batch, ctx) => ({
    value:
      p.distribution === 'normal'
        ? tf.randomNormal([batch, p.size], 0, 1, 'float32', ctx.seed)
        : tf.randomUniform([batch, p.size], -1, 1, 'float32', ctx.seed),
  }),
  emitSample: (p) => ({
    value:
      p.distribution === 'normal'
        ? `tf.randomNormal([batch, ${p.size}], 0, 1, 'float32', seed)`
        : `tf.randomUniform([batch, ${p.size}], -1, 1, 'float32', seed)`,
  }),
  torch: {
    sample: (p) => ({
      value:
        p.distribution === 'normal'
          ? `torch.randn(batch, ${p.size}, generator=rng, device=device)`
          : `torch.rand(batch, ${p.size}, generator=rng, device=device) * 2 - 1`,
    }),
  },
  latentDistribution: (p) => p.distribution,
  summary: (p) => `${p.size}, ${p.distribution}`,
});
