import { convOut, defineBlock, expectRank, one } from './defineBlock';
import { bool, choice, int } from './params';
import { LAYER_ACTIVATIONS } from './shared/activations';

export const conv2d = defineBlock({
  type: 'conv2d', label: 'Conv2D', category: 'convolution',
  description: 'Slides learned k×k filters over the image. Strides > 1 shrink it (same: ceil(h/s); valid: floor((h-k)/s)+1).',
  params: {
    filters: int(64, { min: 1 }), kernelSize: int(5, { min: 1 }), strides: int(2, { min: 1 }),
    padding: choice(['same', 'valid'], 'same'), activation: choice(LAYER_ACTIVATIONS, 'linear'), useBias: bool(true),
  },
  inputs: [{ name: 'x' }],
  inferShape: (i, p) => {
    const [h, w] = expectRank(one(i), 3, '[batch, h, w, c]');
    const k = p.kernelSize, s = p.strides, pad = p.padding;
    const oh = convOut(h, k, s, pad), ow = convOut(w, k, s, pad);
    if (oh < 1 || ow < 1) throw new Error(`kernel ${k}×${k} is larger than its ${h}×${w} input with 'valid' padding`);
    return [oh, ow, p.filters];
  },
  paramCount: (i, p) => {
    const c = one(i)[2], k = p.kernelSize, f = p.filters;
    return k * k * c * f + (p.useBias ? f : 0);
  },
  macs: (i, p, out) => out[0] * out[1] * out[2] * (p.kernelSize) ** 2 * one(i)[2],
  layer: {
    fn: 'conv2d',
    args: (p, name) => ({
      name, filters: p.filters, kernelSize: p.kernelSize, strides: p.strides, padding: p.padding,
      activation: p.activation, useBias: p.useBias,
    }),
  },
  activationOf: (p) => p.activation,
  summary: (p) => `${p.filters} × ${p.kernelSize}×${p.kernelSize} /${p.strides} ${p.padding}${p.activation === 'linear' ? '' : `, ${p.activation}`}`,
});
