import { defineBlock } from './defineBlock';
import { int } from './params';

export const categoricalCode = defineBlock({
  type: 'categoricalCode',
  label: 'Categorical code c',
  category: 'inputs',
  network: 'generator',
  inputRole: 'categoricalCode',
  description:
    'InfoGAN: a random one-hot code. The Q head must recover it from the sample, so G learns to give it meaning (often the digit).',
  params: { categories: int(10, { min: 2, max: 1000 }) },
  inputs: [],
  inferShape: (_i, p) => [p.categories],
  sample: (tf, p, batch, ctx) => {
    const k = p.categories;
    const idx = tf.randomUniform([batch], 0, k, 'int32', ctx.seed);
    return { value: tf.oneHot(idx, k).toFloat(), target: idx };
  },
  emitSample: (p) => ({
    target: `tf.randomUniform([batch], 0, ${p.categories}, 'int32', seed)`,
    value: `tf.oneHot(target, ${p.categories}).toFloat()`,
  }),
  torch: {
    sample: (p) => ({
      target: `torch.randint(0, ${p.categories}, (batch,), generator=rng, device=device)`,
      value: `F.one_hot(target, ${p.categories}).float()`,
    }),
  },
  codeSize: (p) => p.categories,
  summary: (p) => `${p.categories}-way one-hot`,
});
