import { defineBlock, ShapeError } from './defineBlock';
import { choice, int } from './params';

export const classLabel = defineBlock({
  type: 'classLabel',
  label: 'Class label',
  category: 'inputs',
  inputRole: 'label',
  description:
    'Conditional GANs: the class of the sample. In G it says what to draw; in D it is the label paired with the image (real or fake).',
  params: { classes: int(10, { min: 2, max: 1000 }), encoding: choice(['onehot', 'index'], 'onehot') },
  inputs: [],
  inferShape: (_i, p, ctx) => {
    if (ctx.numClasses && ctx.numClasses !== p.classes) {
      throw new ShapeError(`has ${p.classes} classes but the dataset has ${ctx.numClasses}`);
    }
    return p.encoding === 'onehot' ? [p.classes] : [1];
  },
  sample: (tf, p, batch, ctx) => {
    const labels = ctx.labels ?? tf.randomUniform([batch], 0, p.classes, 'int32', ctx.seed);
    const value =
      p.encoding === 'onehot' ? tf.oneHot(labels, p.classes).toFloat() : labels.reshape([batch, 1]).toFloat();
    return { value, target: labels };
  },
  emitSample: (p) => ({
    value:
      p.encoding === 'onehot' ? `tf.oneHot(labels, ${p.classes}).toFloat()` : 'labels.reshape([batch, 1]).toFloat()',
  }),
  torch: {
    sample: (p) => ({
      value: p.encoding === 'onehot' ? `F.one_hot(labels, ${p.classes}).float()` : 'labels.reshape(batch, 1).float()',
    }),
  },
  summary: (p) => `${p.classes} classes, ${p.encoding}`,
});
