import { defineBlock, fmtShape, one, ShapeError } from './defineBlock';
import { choice } from './params';

export const auxClassHead = defineBlock({
  type: 'auxClassHead',
  label: 'Class head (AC-GAN)',
  category: 'heads',
  network: 'discriminator',
  outputRole: 'auxClass',
  description:
    'AC-GAN: D also predicts the class of every sample, real or fake; G is rewarded when its samples are classified as the asked-for class.',
  params: { output: choice(['logits', 'softmax'], 'logits') },
  inputs: [{ name: 'x' }],
  outputs: [],
  inferShape: (i, _p, ctx) => {
    const x = one(i);
    if (!ctx.numClasses) throw new ShapeError('needs a dataset with class labels', 'x');
    if (x.length !== 1 || x[0] !== ctx.numClasses) {
      throw new ShapeError(`expects [batch, ${ctx.numClasses}] (one score per class) but receives ${fmtShape(x)}`, 'x');
    }
    return x;
  },
  headOutput: (p) => p.output,
  summary: (p) => p.output,
});
