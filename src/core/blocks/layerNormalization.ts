import { defineBlock, fmtShape, one, prod, ShapeError } from './defineBlock';
import { bool, float } from './params';

export const layerNormalization = defineBlock({
  type: 'layerNormalization', label: 'LayerNorm', category: 'normalization',
  description: 'Normalises each sample over its last axis (no batch statistics: safe for WGAN-GP critics).',
  params: { epsilon: float(0.001, { min: 0 }), center: bool(true), scale: bool(true) },
  inputs: [{ name: 'x' }],
  inferShape: (i) => {
    const x = one(i);
    if (x.length < 1) throw new ShapeError(`expects at least a 2-D input but receives ${fmtShape(x)}`, 'x');
    return x;
  },
  paramCount: (i, p) => { const x = one(i); const c = x[x.length - 1]; return c * ((p.center ? 1 : 0) + (p.scale ? 1 : 0)); },
  macs: (i) => 3 * prod(one(i)),
  layer: { fn: 'layerNormalization', args: (p, name) => ({ name, epsilon: p.epsilon, center: p.center, scale: p.scale }) },
});
