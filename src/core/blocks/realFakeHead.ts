import { defineBlock, fmtShape, one, ShapeError } from './defineBlock';
import { choice } from './params';

export const realFakeHead = defineBlock({
  type: 'realFakeHead',
  label: 'Real/fake head',
  category: 'heads',
  network: 'discriminator',
  outputRole: 'realFake',
  description: "D's verdict, one number per sample: a logit (or a probability after sigmoid) that the sample is real.",
  params: { output: choice(['logit', 'sigmoid'], 'logit') },
  inputs: [{ name: 'x' }],
  outputs: [],
  inferShape: (i) => {
    const x = one(i);
    if (x.length !== 1 || x[0] !== 1)
      throw new ShapeError(`expects [batch, 1] (one score per sample) but receives ${fmtShape(x)}`, 'x');
    return x;
  },
  headOutput: (p) => p.output,
  summary: (p) => (p.output === 'logit' ? 'logit' : 'probability'),
});
