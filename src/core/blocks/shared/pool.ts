import { convOut, defineBlock, expectRank, one, type BlockDef, type LayerFactory } from '../defineBlock';
import { choice, int } from '../params';
import { py, windowPads } from './torch';

/**
 * The pooling in PyTorch. Keras's `same` may pad one more pixel at the bottom/right than at the top/left:
 * max pooling then pads with -inf; average pooling divides by the number of real pixels in each
 * window (as count_include_pad=False does for symmetric padding).
 */
function torchPool(max: boolean, x: string, shape: number[], k: number, s: number, padding: unknown): string {
  const pads = windowPads(shape, k, s, padding);
  const op = max ? 'F.max_pool2d' : 'F.avg_pool2d';
  if ('symmetric' in pads) {
    const [t, l] = pads.symmetric;
    if (t === 0 && l === 0) return `${op}(${x}, ${k}, ${s})`;
    return `${op}(${x}, ${k}, ${s}, padding=(${t}, ${l})${max ? '' : ', count_include_pad=False'})`;
  }
  const p = `(${pads.explicit.map(py).join(', ')})`;
  if (max) return `F.max_pool2d(F.pad(${x}, ${p}, value=float('-inf')), ${k}, ${s})`;
  return `(F.avg_pool2d(F.pad(${x}, ${p}), ${k}, ${s}) / F.avg_pool2d(F.pad(torch.ones_like(${x}[:1, :1]), ${p}), ${k}, ${s}))`;
}

/** Max and average pooling share everything but the tfjs factory. */
export function poolingBlock(type: string, label: string, fn: LayerFactory, description: string): BlockDef {
  return defineBlock({
    type,
    label,
    category: 'pooling',
    description,
    params: { poolSize: int(2, { min: 1 }), strides: int(2, { min: 1 }), padding: choice(['valid', 'same'], 'valid') },
    inputs: [{ name: 'x' }],
    inferShape: (i, p) => {
      const [h, w, c] = expectRank(one(i), 3, '[batch, h, w, c]');
      const k = p.poolSize,
        s = p.strides,
        pad = p.padding;
      const oh = convOut(h, k, s, pad),
        ow = convOut(w, k, s, pad);
      if (oh < 1 || ow < 1) throw new Error(`pool ${k}×${k} does not fit a ${h}×${w} input with 'valid' padding`);
      return [oh, ow, c];
    },
    macs: (_i, p, out) => out[0] * out[1] * out[2] * p.poolSize ** 2,
    layer: {
      fn,
      args: (p, name) => ({ name, poolSize: p.poolSize, strides: p.strides, padding: p.padding }),
    },
    torch: {
      forward: ({ p, inputs: [x] }) =>
        torchPool(fn === 'maxPooling2d', x.expr, x.shape, p.poolSize, p.strides, p.padding),
    },
    summary: (p) => `${p.poolSize}×${p.poolSize} /${p.strides} ${p.padding}`,
  });
}
