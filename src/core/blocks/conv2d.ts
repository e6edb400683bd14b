import { convOut, defineBlock, expectRank, one } from './defineBlock';
import { bool, choice, int } from './params';
import { LAYER_ACTIVATIONS } from './shared/activations';
import { activationPy, py, pyBool, windowPads } from './shared/torch';

export const conv2d = defineBlock({
  type: 'conv2d',
  label: 'Conv2D',
  category: 'convolution',
  description:
    'Slides learned k×k filters over the image. Strides > 1 shrink it (same: ceil(h/s); valid: floor((h-k)/s)+1).',
  params: {
    filters: int(64, { min: 1 }),
    kernelSize: int(5, { min: 1 }),
    strides: int(2, { min: 1 }),
    padding: choice(['same', 'valid'], 'same'),
    activation: choice(LAYER_ACTIVATIONS, 'linear'),
    useBias: bool(true),
  },
  inputs: [{ name: 'x' }],
  inferShape: (i, p) => {
    const [h, w] = expectRank(one(i), 3, '[batch, h, w, c]');
    const k = p.kernelSize,
      s = p.strides,
      pad = p.padding;
    const oh = convOut(h, k, s, pad),
      ow = convOut(w, k, s, pad);
    if (oh < 1 || ow < 1) throw new Error(`kernel ${k}×${k} is larger than its ${h}×${w} input with 'valid' padding`);
    return [oh, ow, p.filters];
  },
  paramCount: (i, p) => {
    const c = one(i)[2],
      k = p.kernelSize,
      f = p.filters;
    return k * k * c * f + (p.useBias ? f : 0);
  },
  macs: (i, p, out) => out[0] * out[1] * out[2] * p.kernelSize ** 2 * one(i)[2],
  layer: {
    fn: 'conv2d',
    args: (p, name) => ({
      name,
      filters: p.filters,
      kernelSize: p.kernelSize,
      strides: p.strides,
      padding: p.padding,
      activation: p.activation,
      useBias: p.useBias,
    }),
  },
  torch: {
    // Keras's `same` pads the odd pixel at the bottom/right; nn.Conv2d pads symmetrically, so an
    // asymmetric case pads explicitly (F.pad) and the module pads nothing.
    module: ({ p, inputs: [x] }) => {
      const pads = windowPads(x.shape, p.kernelSize, p.strides, p.padding);
      const padding = 'symmetric' in pads ? `(${pads.symmetric.join(', ')})` : '0';
      return `nn.Conv2d(${x.shape[2]}, ${p.filters}, ${p.kernelSize}, stride=${p.strides}, padding=${padding}, bias=${pyBool(p.useBias)})`;
    },
    forward: ({ p, inputs: [x], out, self }) => {
      const pads = windowPads(x.shape, p.kernelSize, p.strides, p.padding);
      const input = 'explicit' in pads ? `F.pad(${x.expr}, (${pads.explicit.map(py).join(', ')}))` : x.expr;
      return activationPy(p.activation, `${self}(${input})`, out);
    },
    weights: ({ p, inputs: [x] }) => [
      // tfjs kernels are [h, w, in, out]; nn.Conv2d's are [out, in, h, w].
      {
        tfjs: 'kernel',
        torch: 'weight',
        shape: [p.kernelSize, p.kernelSize, x.shape[2], p.filters],
        perm: [3, 2, 0, 1],
        init: 'glorotNormal',
      },
      ...(p.useBias ? [{ tfjs: 'bias', torch: 'bias', shape: [p.filters], init: 'zeros' as const }] : []),
    ],
  },
  activationOf: (p) => p.activation,
  summary: (p) =>
    `${p.filters} × ${p.kernelSize}×${p.kernelSize} /${p.strides} ${p.padding}${p.activation === 'linear' ? '' : `, ${p.activation}`}`,
});
