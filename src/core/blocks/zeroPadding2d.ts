import { defineBlock, expectRank, one } from './defineBlock';
import { int } from './params';

export const zeroPadding2d = defineBlock({
  type: 'zeroPadding2d',
  label: 'ZeroPadding2D',
  category: 'reshape',
  description: 'Adds a border of zeros around the image: h -> h + 2·padding.',
  params: { padding: int(1, { min: 0 }) },
  inputs: [{ name: 'x' }],
  inferShape: (i, p) => {
    const [h, w, c] = expectRank(one(i), 3, '[batch, h, w, c]');
    const q = p.padding;
    return [h + 2 * q, w + 2 * q, c];
  },
  layer: { fn: 'zeroPadding2d', args: (p, name) => ({ name, padding: p.padding }) },
  torch: {
    forward: ({ p, inputs: [x] }) => `F.pad(${x.expr}, (${p.padding}, ${p.padding}, ${p.padding}, ${p.padding}))`,
  },
  summary: (p) => `pad ${p.padding}`,
});
