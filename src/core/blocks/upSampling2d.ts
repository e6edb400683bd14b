import { defineBlock, expectRank, one } from './defineBlock';
import { choice, int } from './params';

export const upSampling2d = defineBlock({
  type: 'upSampling2d', label: 'UpSampling2D', category: 'reshape',
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
  summary: (p) => `×${p.size} ${p.interpolation}`,
});
