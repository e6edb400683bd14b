import { defineBlock, expectRank, one } from './defineBlock';
import { choice, int } from './params';

const RESIZE_BILINEAR_LEGACY = String.raw`def resize_bilinear_legacy(x, scale):
    """tf.image.resizeBilinear as tfjs's UpSampling2D calls it (alignCorners and halfPixelCenters off):
    output pixel i reads input position i * in / out. PyTorch's bilinear mode uses half-pixel centres,
    which gives other values."""
    def axis(n_in):
        src = torch.arange(n_in * scale, device=x.device, dtype=torch.float32) * (n_in / (n_in * scale))
        lo = src.floor().long()
        return lo, torch.clamp(lo + 1, max=n_in - 1), src - lo
    (y0, y1, fy), (x0, x1, fx) = axis(x.shape[2]), axis(x.shape[3])
    fy, fx = fy.view(1, 1, -1, 1).to(x.dtype), fx.view(1, 1, 1, -1).to(x.dtype)
    top = x[:, :, y0][:, :, :, x0] * (1 - fx) + x[:, :, y0][:, :, :, x1] * fx
    bottom = x[:, :, y1][:, :, :, x0] * (1 - fx) + x[:, :, y1][:, :, :, x1] * fx
    return top + (bottom - top) * fy
`;

export const upSampling2d = defineBlock({
  type: 'upSampling2d',
  label: 'UpSampling2D',
  category: 'reshape',
  description: 'Repeats each pixel size×size times (nearest) or interpolates (bilinear). No weights.',
  params: { size: int(2, { min: 1 }), interpolation: choice(['nearest', 'bilinear'], 'nearest') },
  inputs: [{ name: 'x' }],
  inferShape: (i, p) => {
    const [h, w, c] = expectRank(one(i), 3, '[batch, h, w, c]');
    const s = p.size;
    return [h * s, w * s, c];
  },
  layer: {
    fn: 'upSampling2d',
    args: (p, name) => ({ name, size: [p.size, p.size], interpolation: p.interpolation }),
  },
  torch: {
    helpers: { resize_bilinear_legacy: RESIZE_BILINEAR_LEGACY },
    forward: ({ p, inputs: [x] }) =>
      p.interpolation === 'bilinear'
        ? `resize_bilinear_legacy(${x.expr}, ${p.size})`
        : // Nearest with an integer factor reads input pixel floor(i / size) in both engines.
          `F.interpolate(${x.expr}, scale_factor=${p.size}, mode='nearest')`,
  },
  summary: (p) => `×${p.size} ${p.interpolation}`,
});
