/**
 * Conv2DBackpropInput for the wasm backend (the input gradient of a convolution, and the forward pass
 * of every Conv2D Transpose block, so half of a DCGAN generator). tfjs's own wasm kernel is a plain
 * loop and took about half of a DCGAN step; this one runs XNNPACK's convolution, once per stride phase
 * ("sub-pixel" decomposition, no multiply by an inserted zero):
 *
 * Per axis, the forward conv reads x[o·s + k − padTop]. Writing j = i + padTop = m·s + r (r = j mod s),
 * the taps that reach x[i] are k = r + t·s, from dy[m − t]:
 *   dx[m·s + r − padTop] = Σ_t dy[m − t] · W[r + t·s]
 * a full convolution of dy with the sub-filter W[r::s] (flipped for a correlation). Each phase (rh, rw)
 * is one valid Conv2D of dy padded by T−1 before (T = taps in the phase); the phases are interleaved
 * back (reshape + concat) and the rows/columns [padTop, padTop + H) cut out.
 */
import type { TF } from '../blocks';
import { registerComposite, type BackendLike, type Info, type KernelCall } from './composite';

type Attrs = {
  strides: [number, number] | number; pad: 'same' | 'valid' | number; dataFormat: string;
  dimRoundingMode?: 'floor' | 'round' | 'ceil'; inputShape: [number, number, number, number];
};

export function registerConv2DBackpropInput(tf: TF): void {
  const name = 'Conv2DBackpropInput';
  registerComposite(tf, name, (k, { inputs, backend, attrs }) => {
    const { dy, filter } = inputs as unknown as { dy: Info; filter: Info };
    const a = attrs as unknown as Attrs;
    if (a.dataFormat === 'NCHW') throw new Error(`${name} on wasm: NCHW is not supported`);
    const b = backend as unknown as BackendLike;
    const [kH, kW, inC, outC] = filter.shape as [number, number, number, number];
    const info = tf.backend_util.computeConv2DInfo(a.inputShape, [kH, kW, inC, outC], a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
    const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw, padInfo, inHeight: h, inWidth: w } = info;
    const batch = a.inputShape[0];
    const temps: Info[] = [];
    const keep = (t: Info) => { temps.push(t); return t; };
    const call = (kernel: string, i: Record<string, unknown> | Info[], at: Record<string, unknown>) => keep((k(kernel) as KernelCall)({ inputs: i, backend, attrs: at }));
    // Rows m = 0 … mh−1 of every phase cover j = m·s + r up to padTop + h.
    const mh = Math.ceil((padInfo.top + h) / sh), mw = Math.ceil((padInfo.left + w) / sw);

    const phase = (rh: number, rw: number): Info => {
      const th = Math.ceil((kH - rh) / sh), tw = Math.ceil((kW - rw) / sw);
      if (th <= 0 || tw <= 0) return call('Fill', {}, { shape: [batch, mh, mw, inC], value: 0, dtype: 'float32' });
      // W[rh::sh, rw::sw], flipped and with its channel axes swapped: [th, tw, outC, inC].
      const sub = call('StridedSlice', { x: filter }, {
        begin: [rh, rw, 0, 0], end: [kH, kW, inC, outC], strides: [sh, sw, 1, 1],
        beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0,
      });
      const flipped = call('Reverse', { x: sub }, { dims: [0, 1] });
      const swapped = call('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
      // Full convolution: T−1 zeros before; after, as many as make exactly m rows (cut if too many).
      const afterH = mh - oh, afterW = mw - ow;
      let src = dy;
      if (afterH < 0 || afterW < 0) {
        src = call('Slice', { x: dy }, { begin: [0, 0, 0, 0], size: [batch, oh + Math.min(0, afterH), ow + Math.min(0, afterW), outC] });
      }
      const padded = call('PadV2', { x: src }, {
        paddings: [[0, 0], [th - 1, Math.max(0, afterH)], [tw - 1, Math.max(0, afterW)], [0, 0]], constantValue: 0,
      });
      return call('Conv2D', { x: padded, filter: swapped }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined });
    };

    // Interleave: rows of phase rh go to j = m·sh + rh: [N, mh, sh, mw, sw, inC] → [N, mh·sh, mw·sw, inC].
    const rows: Info[] = [];
    for (let rh = 0; rh < sh; rh++) {
      const cols: Info[] = [];
      for (let rw = 0; rw < sw; rw++) cols.push(call('Reshape', { x: phase(rh, rw) }, { shape: [batch, mh, 1, mw, 1, inC] }));
      rows.push(cols.length === 1 ? cols[0] : call('Concat', cols, { axis: 4 }));
    }
    const woven = rows.length === 1 ? rows[0] : call('Concat', rows, { axis: 2 });
    const full = call('Reshape', { x: woven }, { shape: [batch, mh * sh, mw * sw, inC] });
    const exact = padInfo.top === 0 && padInfo.left === 0 && mh * sh === h && mw * sw === w;
    const dx = exact
      ? (k('Reshape') as KernelCall)({ inputs: { x: full }, backend, attrs: { shape: [batch, h, w, inC] } })
      : (k('Slice') as KernelCall)({ inputs: { x: full }, backend, attrs: { begin: [0, padInfo.top, padInfo.left, 0], size: [batch, h, w, inC] } });
    for (const t of temps) b.disposeData(t.dataId);
    return dx;
  }, true);
}
