import { deconvOut, defineBlock, expectRank, one } from './defineBlock';
import { bool, choice, int } from './params';
import { LAYER_ACTIVATIONS } from './shared/activations';
import { activationPy, pyBool } from './shared/torch';

/**
 * One axis of tfjs's conv2dTranspose in nn.ConvTranspose2d terms. tfjs computes the gradient of a
 * conv from `out` to `len` whose `same` padding puts the odd pixel last; ConvTranspose2d crops
 * `padding` from both ends of the full output and appends `output_padding` zeros (plus bias) at the
 * end, so the odd pixel is one more to crop from the end.
 */
function transposeAxis(len: number, k: number, s: number, padding: string) {
  const out = deconvOut(len, k, s, padding);
  const full = (len - 1) * s + k;
  const before = padding === 'same' ? Math.floor(Math.max(full - out, 0) / 2) : 0;
  const torchOut = full - 2 * before;
  return { before, outputPadding: Math.max(out - torchOut, 0), crop: torchOut > out ? out : undefined };
}
const axes = (shape: number[], p: { kernelSize: number; strides: number; padding: string }) => [
  transposeAxis(shape[0], p.kernelSize, p.strides, p.padding),
  transposeAxis(shape[1], p.kernelSize, p.strides, p.padding),
];

export const conv2dTranspose = defineBlock({
  type: 'conv2dTranspose',
  label: 'Conv2D Transpose',
  category: 'convolution',
  description: 'Learned upsampling (a "deconvolution"). Output size: same: h·s; valid: h·s + max(k − s, 0).',
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
    return [deconvOut(h, k, s, pad), deconvOut(w, k, s, pad), p.filters];
  },
  paramCount: (i, p) => {
    const c = one(i)[2],
      k = p.kernelSize,
      f = p.filters;
    return k * k * c * f + (p.useBias ? f : 0);
  },
  macs: (i, p) => {
    const [h, w, c] = one(i);
    return h * w * c * p.kernelSize ** 2 * p.filters;
  },
  layer: {
    fn: 'conv2dTranspose',
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
    module: ({ p, inputs: [x] }) => {
      const [h, w] = axes(x.shape, p);
      return (
        `nn.ConvTranspose2d(${x.shape[2]}, ${p.filters}, ${p.kernelSize}, stride=${p.strides}, padding=(${h.before}, ${w.before}), ` +
        `output_padding=(${h.outputPadding}, ${w.outputPadding}), bias=${pyBool(p.useBias)})`
      );
    },
    forward: ({ p, inputs: [x], out, self }) => {
      const [h, w] = axes(x.shape, p);
      const crop = h.crop || w.crop ? `[:, :, :${h.crop ?? ''}, :${w.crop ?? ''}]` : '';
      return activationPy(p.activation, `${self}(${x.expr})${crop}`, out);
    },
    weights: ({ p, inputs: [x] }) => [
      // tfjs's transposed kernels are [h, w, out, in]; nn.ConvTranspose2d's are [in, out, h, w].
      {
        tfjs: 'kernel',
        torch: 'weight',
        shape: [p.kernelSize, p.kernelSize, p.filters, x.shape[2]],
        perm: [3, 2, 0, 1],
        init: 'glorotNormal',
      },
      ...(p.useBias ? [{ tfjs: 'bias', torch: 'bias', shape: [p.filters], init: 'zeros' as const }] : []),
    ],
  },
  activationOf: (p) => p.activation,
  summary: (p) =>
    `${p.filters} × ${p.kernelSize}×${p.kernelSize} ×${p.strides} ${p.padding}${p.activation === 'linear' ? '' : `, ${p.activation}`}`,
});
