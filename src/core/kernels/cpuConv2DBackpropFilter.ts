/**
 * A flat-array Conv2DBackpropFilter for tfjs's cpu backend. The stock kernel calls TensorBuffer.get
 * for every multiply-add (~0.01 GMAC/s), so ~95% of a DCGAN step went into it; this one walks
 * Float32Arrays with the output-channel loop innermost (contiguous in both dy and dW).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../tf';

interface CpuBackendLike {
  data: { get(id: unknown): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): unknown;
}

export function conv2DBackpropFilterFlat(
  x: Float32Array,
  xShape: number[],
  dy: Float32Array,
  dyShape: number[],
  filterShape: number[],
  strides: [number, number],
  padTop: number,
  padLeft: number,
): Float32Array {
  const [batch, inH, inW, inC] = xShape;
  const [, outH, outW, outC] = dyShape;
  const [kH, kW] = filterShape;
  const [sH, sW] = strides;
  const dW = new Float32Array(kH * kW * inC * outC);
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        const dyOff = ((b * outH + oh) * outW + ow) * outC;
        for (let kh = 0; kh < kH; kh++) {
          const ih = oh * sH + kh - padTop;
          if (ih < 0 || ih >= inH) continue;
          for (let kw = 0; kw < kW; kw++) {
            const iw = ow * sW + kw - padLeft;
            if (iw < 0 || iw >= inW) continue;
            const xOff = ((b * inH + ih) * inW + iw) * inC;
            const wOff = (kh * kW + kw) * inC * outC;
            for (let ci = 0; ci < inC; ci++) {
              const xv = x[xOff + ci];
              if (xv === 0) continue;
              const w = wOff + ci * outC;
              for (let co = 0; co < outC; co++) dW[w + co] += xv * dy[dyOff + co];
            }
          }
        }
      }
    }
  }
  return dW;
}

let registered = false;
/** The kernel tfjs shipped, kept so tests can compare against it. */
export let stockConv2DBackpropFilter: tfNs.KernelConfig | undefined;

/** Replaces the cpu backend's Conv2DBackpropFilter (NHWC, dilation 1) with the flat version. */
export function registerFastCpuKernels(tf: TF): void {
  if (registered) return;
  registered = true;
  const name = 'Conv2DBackpropFilter';
  stockConv2DBackpropFilter = tf.getKernel(name, 'cpu');
  if (stockConv2DBackpropFilter) tf.unregisterKernel(name, 'cpu');
  tf.registerKernel({
    kernelName: name,
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as unknown as { x: tfNs.TensorInfo; dy: tfNs.TensorInfo };
      const a = attrs as unknown as {
        strides: [number, number] | number;
        pad: 'same' | 'valid' | number;
        dataFormat: 'NHWC' | 'NCHW';
        dimRoundingMode?: 'floor' | 'round' | 'ceil';
        filterShape: [number, number, number, number];
      };
      if (a.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter: NCHW is not supported');
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
      const cpu = backend as unknown as CpuBackendLike;
      const out = conv2DBackpropFilterFlat(
        cpu.data.get(x.dataId).values,
        x.shape,
        cpu.data.get(dy.dataId).values,
        dy.shape,
        a.filterShape,
        [info.strideHeight, info.strideWidth],
        info.padInfo.top,
        info.padInfo.left,
      );
      return cpu.makeTensorInfo(a.filterShape, 'float32', out) as tfNs.TensorInfo;
    },
  });
}
