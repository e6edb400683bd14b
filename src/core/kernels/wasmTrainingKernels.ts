/**
 * Training kernels tfjs's wasm backend lacks, composed from the backend's own kernels (every
 * intermediate released with backend.disposeData, as tfjs's composite kernels do):
 * - Conv2DBackpropFilter (without it convolutional GANs cannot train on the fastest CPU path), as one
 *   XNNPACK convolution (see registerConv2DBackpropFilter);
 * - UnsortedSegmentSum (the gradient of Gather, so of Embedding): one-hot(segmentIds)ᵀ · x;
 * - Conv2DBackpropInput, replacing tfjs's loop-based one (see wasmConv2DBackpropInput.ts);
 * - faster stand-ins for two stock kernels a training step leans on: BatchMatMul with transposed
 *   operands (every Dense gradient), Tile (BatchNorm's gradient), Sum / Mean over the leading
 *   axes (BatchNorm's moments, bias gradients) and Identity (a shared buffer, not a copy: every
 *   tensor a gradient saves is cloned); see their files.
 */
import type { TF } from '../tf';
const prod = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
import { registerConv2DBackpropInput } from './wasmConv2DBackpropInput';
import { registerWasmMatMulTransposes } from './wasmMatMulTransposes';
import { registerWasmTile } from './wasmTile';
import { registerWasmLeadingReductions } from './wasmLeadingReductions';
import { registerWasmIdentity } from './wasmIdentity';
import { registerComposite, type BackendLike, type Info } from './composite';

export function registerWasmTrainingKernels(tf: TF): void {
  registerConv2DBackpropFilter(tf);
  registerUnsortedSegmentSum(tf);
  registerConv2DBackpropInput(tf);
  registerWasmMatMulTransposes(tf);
  registerWasmTile(tf);
  registerWasmLeadingReductions(tf);
  registerWasmIdentity(tf);
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
    const hotInt = k('OneHot')({
      inputs: { indices: ids },
      backend,
      attrs: { depth: numSegments, onValue: 1, offValue: 0, dtype: 'int32' },
    });
    const hot = k('Cast')({ inputs: { x: hotInt }, backend, attrs: { dtype: 'float32' } });
    const hot3 = k('Reshape')({ inputs: { x: hot }, backend, attrs: { shape: [1, m, numSegments] } });
    const x3 = k('Reshape')({ inputs: { x }, backend, attrs: { shape: [1, m, width] } });
    // Transpose + plain matmul: wasm's BatchMatMul with transposeA is many times slower.
    const hotT = k('Transpose')({ inputs: { x: hot3 }, backend, attrs: { perm: [0, 2, 1] } });
    const sum = k('BatchMatMul')({
      inputs: { a: hotT, b: x3 },
      backend,
      attrs: { transposeA: false, transposeB: false },
    });
    const out = k('Reshape')({ inputs: { x: sum }, backend, attrs: { shape: [numSegments, ...rest] } });
    [ids, hotInt, hot, hot3, hotT, x3, sum].forEach((t) => b.disposeData(t.dataId));
    return out;
  });
}

/**
 * dW[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·s + kh − pad, ow·s + kw − pad, ci] · dy[n, oh, ow, co]
 * is itself a convolution: input x viewed as [ci, H, W, n] (channels ci become the batch, the batch n
 * becomes the channels), filter dy viewed as [oh, ow, n, co], dilation = the forward stride, valid
 * padding over x padded as the forward pass did and cut to exactly (oh−1)·s + kH rows; the output
 * [ci, kH, kW, co] is dW up to a transpose. One XNNPACK convolution instead of kH·kW slices + matmuls.
 */
function registerConv2DBackpropFilter(tf: TF): void {
  const name = 'Conv2DBackpropFilter';
  registerComposite(tf, name, (k, { inputs, backend, attrs }) => {
    const { x, dy } = inputs as unknown as { x: Info; dy: Info };
    const a = attrs as unknown as {
      strides: [number, number] | number;
      pad: 'same' | 'valid' | number;
      dataFormat: string;
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
      filterShape: [number, number, number, number];
    };
    if (a.dataFormat === 'NCHW') throw new Error(`${name} on wasm: NCHW is not supported`);
    const b = backend as unknown as BackendLike;
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      a.filterShape,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
      false,
      'channelsLast',
    );
    const [batch, , , inC] = x.shape;
    const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw, padInfo } = info;
    const [kH, kW, , outC] = a.filterShape;
    const temps: Info[] = [];
    const keep = (t: Info) => {
      temps.push(t);
      return t;
    };
    // The rows and columns the forward pass read: padded as it was, then cut to (oh−1)·s + k.
    const needH = (oh - 1) * sh + kH,
      needW = (ow - 1) * sw + kW;
    let xp = x;
    if (padInfo.top || padInfo.bottom || padInfo.left || padInfo.right) {
      xp = keep(
        k('PadV2')({
          inputs: { x },
          backend,
          attrs: {
            paddings: [
              [0, 0],
              [padInfo.top, padInfo.bottom],
              [padInfo.left, padInfo.right],
              [0, 0],
            ],
            constantValue: 0,
          },
        }),
      );
    }
    if (xp.shape[1] !== needH || xp.shape[2] !== needW) {
      xp = keep(
        k('Slice')({ inputs: { x: xp }, backend, attrs: { begin: [0, 0, 0, 0], size: [batch, needH, needW, inC] } }),
      );
    }
    const xT = keep(k('Transpose')({ inputs: { x: xp }, backend, attrs: { perm: [3, 1, 2, 0] } }));
    const dyT = keep(k('Transpose')({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } }));
    const conv = keep(
      k('Conv2D')({
        inputs: { x: xT, filter: dyT },
        backend,
        attrs: { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [sh, sw], dimRoundingMode: undefined },
      }),
    );
    const dw = k('Transpose')({ inputs: { x: conv }, backend, attrs: { perm: [1, 2, 0, 3] } });
    for (const t of temps) b.disposeData(t.dataId);
    return dw;
  });
}
