import { deconvOut, defineBlock, expectRank, one } from './defineBlock';
import { bool, choice, int } from './params';
import { LAYER_ACTIVATIONS } from './shared/activations';

export const conv2dTranspose = defineBlock({
  type: 'conv2dTranspose', label: 'Conv2D Transpose', category: 'convolution',
  description: 'Learned upsampling (a "deconvolution"). Output size: same: h·s; valid: h·s + max(k − s, 0).',
  params: {
    filters: int(64, { min: 1 }), kernelSize: int(5, { min: 1 }), strides: int(2, { min: 1 }),
    padding: choice(['same', 'valid'], 'same'), activation: choice(LAYER_ACTIVATIONS, 'linear'), useBias: bool(true),
  },
  inputs: [{ name: 'x' }],
  inferShape: (i, p) => {
    const [h, w] = expectRank(one(i), 3, '[batch, h, w, c]');
    const k = p.kernelSize, s = p.strides, pad = p.padding;
    return [deconvOut(h, k, s, pad), deconvOut(w, k, s, pad), p.filters];
  },
  paramCount: (i, p) => {
    const c = one(i)[2], k = p.kernelSize, f = p.filters;
    return k * k * c * f + (p.useBias ? f : 0);
  },
  macs: (i, p) => { const [h, w, c] = one(i); return h * w * c * (p.kernelSize) ** 2 * (p.filters); },
  layer: {
    fn: 'conv2dTranspose',
    args: (p, name) => ({
      name, filters: p.filters, kernelSize: p.kernelSize, strides: p.strides, padding: p.padding,
      activation: p.activation, useBias: p.useBias,
    }),
  },
  activationOf: (p) => p.activation,
  summary: (p) => `${p.filters} × ${p.kernelSize}×${p.kernelSize} ×${p.strides} ${p.padding}${p.activation === 'linear' ? '' : `, ${p.activation}`}`,
});
