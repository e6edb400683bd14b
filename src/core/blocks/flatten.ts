import { defineBlock, fmtShape, one, prod, ShapeError } from './defineBlock';
import { channelsLast } from './shared/torch';

export const flatten = defineBlock({
  type: 'flatten',
  label: 'Flatten',
  category: 'reshape',
  description: 'Turns each sample into one long vector, e.g. 7×7×128 -> 6272.',
  params: {},
  inputs: [{ name: 'x' }],
  inferShape: (i) => {
    const x = one(i);
    if (x.length < 1) throw new ShapeError(`expects at least a 2-D input but receives ${fmtShape(x)}`, 'x');
    return [prod(x)];
  },
  layer: { fn: 'flatten', args: (_p, name) => ({ name }) },
  // tfjs flattens an image in h, w, c order: the next Dense's weights expect that order.
  torch: { forward: ({ inputs: [x] }) => `${channelsLast(x.expr, x.shape)}.flatten(1)` },
});
