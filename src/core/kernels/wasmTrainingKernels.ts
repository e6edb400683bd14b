/**
 * Training kernels tfjs's wasm backend lacks, composed from the backend's own kernels (every
 * intermediate released with backend.disposeData, as tfjs's composite kernels do):
 * - Conv2DBackpropFilter (without it convolutional GANs cannot train on the fastest CPU path): for
 *   each filter tap (kh, kw) a strided slice of the padded input, viewed as [N, inC], and dy viewed
 *   as [N, outC] (XNNPACK matmul):  dW[kh, kw]ᵀ = dyᵀ · slice(x)
 * - UnsortedSegmentSum (the gradient of Gather, so of Embedding): one-hot(segmentIds)ᵀ · x.
 * - Conv2DBackpropInput, replacing tfjs's loop-based one (see wasmConv2DBackpropInput.ts).
 */
import { prod, type TF } from '../blocks';
import { registerConv2DBackpropInput } from './wasmConv2DBackpropInput';
import { registerComposite, type BackendLike, type Info } from './composite';

export function registerWasmTrainingKernels(tf: TF): void {
  registerConv2DBackpropFilter(tf);
  registerUnsortedSegmentSum(tf);
  registerConv2DBackpropInput(tf);
}

function registerUnsortedSegmentSum(tf: TF): void {
  const name = 'UnsortedSegmentSum';
  registerComposite(tf, name, (k, { inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as unknown as { x: Info; segmentIds: Info };
      const { numSegments } = attrs as unknown as { numSegments: number };
      const b = backend as unknown as BackendLike;
      const m = prod(segmentIds.shape);
      const rest = x.shape.slice(segmentIds.shape.length);
      const width = prod(rest);
      const ids = k('Reshape')({ inputs: { x: segmentIds }, backend, attrs: { shape: [m] } });
      // wasm's OneHot writes int32 whatever dtype it is given, so cast explicitly.
      const hotInt = k('OneHot')({ inputs: { indices: ids }, backend, attrs: { depth: numSegments, onValue: 1, offValue: 0, dtype: 'int32' } });
      const hot = k('Cast')({ inputs: { x: hotInt }, backend, attrs: { dtype: 'float32' } });
      const hot3 = k('Reshape')({ inputs: { x: hot }, backend, attrs: { shape: [1, m, numSegments] } });
      const x3 = k('Reshape')({ inputs: { x }, backend, attrs: { shape: [1, m, width] } });
      const sum = k('BatchMatMul')({ inputs: { a: hot3, b: x3 }, backend, attrs: { transposeA: true, transposeB: false } });
      const out = k('Reshape')({ inputs: { x: sum }, backend, attrs: { shape: [numSegments, ...rest] } });
      [ids, hotInt, hot, hot3, x3, sum].forEach((t) => b.disposeData(t.dataId));
      return out;
  });
}

function registerConv2DBackpropFilter(tf: TF): void {
  const name = 'Conv2DBackpropFilter';
  registerComposite(tf, name, (k, { inputs, backend, attrs }) => {
      const { x, dy } = inputs as unknown as { x: Info; dy: Info };
      const a = attrs as unknown as {
        strides: [number, number] | number; pad: 'same' | 'valid' | number; dataFormat: string;
        dimRoundingMode?: 'floor' | 'round' | 'ceil'; filterShape: [number, number, number, number];
      };
      if (a.dataFormat === 'NCHW') throw new Error(`${name} on wasm: NCHW is not supported`);
      const b = backend as unknown as BackendLike;
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
      const [batch, , , inC] = x.shape;
      const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw, padInfo } = info;
      const [kH, kW, , outC] = a.filterShape;
      const n = batch * oh * ow;
      const padded = padInfo.top || padInfo.bottom || padInfo.left || padInfo.right;
      const xp = padded
        ? k('PadV2')({ inputs: { x }, backend, attrs: { paddings: [[0, 0], [padInfo.top, padInfo.bottom], [padInfo.left, padInfo.right], [0, 0]], constantValue: 0 } })
        : x;
      // dy viewed as [1, n, outC], transposed once to [1, outC, n]: wasm's BatchMatMul with transposeA
      // is ~14x slower than a Transpose followed by a plain one (XNNPACK only takes the plain layout).
      const dy2 = k('Reshape')({ inputs: { x: dy }, backend, attrs: { shape: [1, n, outC] } });
      const dyT = k('Transpose')({ inputs: { x: dy2 }, backend, attrs: { perm: [0, 2, 1] } });
      const taps: Info[] = [];
      for (let kh = 0; kh < kH; kh++) {
        for (let kw = 0; kw < kW; kw++) {
          const slice = k('StridedSlice')({
            inputs: { x: xp }, backend,
            attrs: {
              begin: [0, kh, kw, 0], end: [batch, kh + (oh - 1) * sh + 1, kw + (ow - 1) * sw + 1, inC], strides: [1, sh, sw, 1],
              beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0,
            },
          });
          const cols = k('Reshape')({ inputs: { x: slice }, backend, attrs: { shape: [1, n, inC] } });
          // dW[kh, kw]ᵀ = dyᵀ · cols: [1, outC, inC].
          taps.push(k('BatchMatMul')({ inputs: { a: dyT, b: cols }, backend, attrs: { transposeA: false, transposeB: false } }));
          b.disposeData(cols.dataId);
          b.disposeData(slice.dataId);
        }
      }
      const joined = taps.length === 1 ? taps[0] : k('Concat')({ inputs: taps, backend, attrs: { axis: 0 } });
      // [kH·kW, outC, inC] → [kH·kW, inC, outC] → the filter's shape.
      const swapped = k('Transpose')({ inputs: { x: joined }, backend, attrs: { perm: [0, 2, 1] } });
      const out = k('Reshape')({ inputs: { x: swapped }, backend, attrs: { shape: a.filterShape } });
      if (taps.length > 1) taps.forEach((t) => b.disposeData(t.dataId));
      [joined, swapped, dy2, dyT].forEach((t) => b.disposeData(t.dataId));
      if (padded) b.disposeData(xp.dataId);
      return out;
  });
}
