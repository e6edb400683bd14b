import { convOut, defineBlock, expectRank, one, type BlockDef, type LayerFactory } from '../defineBlock';
import { choice, int } from '../params';

/** Max and average pooling share everything but the tfjs factory. */
export function poolingBlock(type: string, label: string, fn: LayerFactory, description: string): BlockDef {
  return defineBlock({
    type, label, category: 'pooling', description,
    params: { poolSize: int(2, { min: 1 }), strides: int(2, { min: 1 }), padding: choice(['valid', 'same'], 'valid') },
    inputs: [{ name: 'x' }],
    inferShape: (i, p) => {
      const [h, w, c] = expectRank(one(i), 3, '[batch, h, w, c]');
      const k = p.poolSize, s = p.strides, pad = p.padding;
      const oh = convOut(h, k, s, pad), ow = convOut(w, k, s, pad);
      if (oh < 1 || ow < 1) throw new Error(`pool ${k}×${k} does not fit a ${h}×${w} input with 'valid' padding`);
      return [oh, ow, c];
    },
    macs: (_i, p, out) => out[0] * out[1] * out[2] * p.poolSize ** 2,
    layer: {
      fn,
      args: (p, name) => ({ name, poolSize: p.poolSize, strides: p.strides, padding: p.padding }),
    },
    summary: (p) => `${p.poolSize}×${p.poolSize} /${p.strides} ${p.padding}`,
  });
}
