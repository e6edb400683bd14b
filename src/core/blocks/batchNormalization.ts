import { defineBlock, fmtShape, one, prod, ShapeError } from './defineBlock';
import { bool, float } from './params';

export const batchNormalization = defineBlock({
  type: 'batchNormalization', label: 'BatchNorm', category: 'normalization',
  description: 'Normalises each channel over the batch, then scales and shifts it. Keeps 4 numbers per channel (2 learned).',
  batchDependent: true,
  params: {
    momentum: float(0.99, { min: 0, max: 1 }), epsilon: float(0.001, { min: 0 }),
    center: bool(true), scale: bool(true),
  },
  inputs: [{ name: 'x' }],
  inferShape: (i) => {
    const x = one(i);
    if (x.length < 1) throw new ShapeError(`expects at least a 2-D input but receives ${fmtShape(x)}`, 'x');
    return x;
  },
  // gamma, beta (if enabled) + moving mean and variance, as Keras counts them.
  paramCount: (i, p) => { const x = one(i); const c = x[x.length - 1]; return c * (2 + (p.center ? 1 : 0) + (p.scale ? 1 : 0)); },
  macs: (i) => 2 * prod(one(i)),
  layer: {
    fn: 'batchNormalization',
    args: (p, name) => ({ name, momentum: p.momentum, epsilon: p.epsilon, center: p.center, scale: p.scale }),
  },
});
