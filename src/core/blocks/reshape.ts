import { defineBlock, fmtShape, one, prod, ShapeError } from './defineBlock';
import { ints } from './params';
import { channelsFirst, channelsLast } from './shared/torch';

export const reshape = defineBlock({
  type: 'reshape',
  label: 'Reshape',
  category: 'reshape',
  description: 'Rearranges the values into a new shape with the same number of elements (e.g. 12544 -> 7×7×256).',
  params: { targetShape: ints([7, 7, 256], { label: 'target shape' }) },
  inputs: [{ name: 'x' }],
  inferShape: (i, p) => {
    const x = one(i),
      t = p.targetShape;
    if (prod(x) !== prod(t)) {
      throw new ShapeError(
        `cannot reshape ${fmtShape(x)} (${prod(x)} values) into ${fmtShape(t)} (${prod(t)} values)`,
        'x',
      );
    }
    return [...t];
  },
  layer: { fn: 'reshape', args: (p, name) => ({ name, targetShape: p.targetShape }) },
  // tfjs reshapes in channels-last element order: go there, reshape, and come back if the result is an image.
  torch: {
    forward: ({ p, inputs: [x] }) => {
      const t = p.targetShape;
      return channelsFirst(`${channelsLast(x.expr, x.shape)}.reshape(-1, ${t.join(', ')})`, t);
    },
  },
  summary: (p) => p.targetShape.join('×'),
});
