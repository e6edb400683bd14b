/**
 * Conv2DBackpropInput for the wasm backend (the input gradient of a convolution, and the forward pass
 * of every Conv2D Transpose block, so half of a DCGAN generator). tfjs's own wasm kernel is a plain
 * loop and took about half of a DCGAN step; this one is XNNPACK's convolution on a rearranged input:
 *
 *   dx = conv2d_valid( pad( dilate(dy, stride), k-1-padTop, … ), flip(W) with in/out channels swapped )
 *
 * Derivation, per axis: the forward conv reads x[o·s + k − padTop]; collecting every (o, k) that touch x[i]
 * gives dx[i] = Σ_m dyd[i + padTop − (K−1) + m] · W[K−1−m], with dyd = dy with s−1 zeros between rows:
 * a valid correlation of dyd, padded by K−1−padTop before and H−D+padTop after (D = (Ho−1)·s+1), with
 * the flipped filter. With stride 2, 3 of 4 multiplies hit a zero, and XNNPACK still wins by far.
 */
import type { TF } from '../blocks';
import { registerComposite, type BackendLike, type Info } from './composite';

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

    // dy with (stride − 1) zeros after every row and column: [N, oh·sh, ow·sw, outC].
    let dyd = dy;
    if (sh > 1 || sw > 1) {
      const six = keep(k('Reshape')({ inputs: { x: dy }, backend, attrs: { shape: [batch, oh, 1, ow, 1, outC] } }));
      const spread = keep(k('PadV2')({
        inputs: { x: six }, backend, attrs: { paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]], constantValue: 0 },
      }));
      dyd = keep(k('Reshape')({ inputs: { x: spread }, backend, attrs: { shape: [batch, oh * sh, ow * sw, outC] } }));
    }
    // Border: K−1−padTop before; after, whatever makes the valid correlation exactly h × w (the
    // dilation already appended s−1 zero rows, so "after" can be negative: slice those off then).
    const top = kH - 1 - padInfo.top, left = kW - 1 - padInfo.left;
    let bottom = h + kH - 1 - top - oh * sh, right = w + kW - 1 - left - ow * sw;
    if (bottom < 0 || right < 0) {
      dyd = keep(k('Slice')({
        inputs: { x: dyd }, backend, attrs: { begin: [0, 0, 0, 0], size: [batch, oh * sh + Math.min(0, bottom), ow * sw + Math.min(0, right), outC] },
      }));
      bottom = Math.max(0, bottom);
      right = Math.max(0, right);
    }
    const padded = keep(k('PadV2')({
      inputs: { x: dyd }, backend, attrs: { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 },
    }));
    // The filter rotated by 180° with its channel axes swapped: [kH, kW, outC, inC].
    const flipped = keep(k('Reverse')({ inputs: { x: filter }, backend, attrs: { dims: [0, 1] } }));
    const swapped = keep(k('Transpose')({ inputs: { x: flipped }, backend, attrs: { perm: [0, 1, 3, 2] } }));
    const dx = k('Conv2D')({
      inputs: { x: padded, filter: swapped }, backend,
      attrs: { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined },
    });
    for (const t of temps) b.disposeData(t.dataId);
    return dx;
  }, true);
}
