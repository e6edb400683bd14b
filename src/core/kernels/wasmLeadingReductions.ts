/**
 * Sum and Mean over the leading axes (batch, height, width of NHWC: BatchNorm's moments and every
 * bias and BatchNorm gradient) for the wasm backend, as one XNNPACK average pooling of x viewed as
 * [1, M, 1, C] with an M×1 window (times M for Sum). tfjs's wasm kernels first transpose the reduced
 * axes to the end and then add in a loop. The earlier stand-in, the product ones[1, M] · x[M, C], let
 * XNNPACK pack x as the product's right operand on every call (x is new each time): 2.0 ms for
 * DCGAN's 64×14×14×32 against 0.29 ms pooled (wasm in Node, fresh inputs, median of 25; BENCHMARKS.md).
 * Other reductions go to the stock kernels.
 */
import type { TF } from '../tf';
import { replaceStockKernel, type Info, type KernelCall, type WasmBackend } from './composite';

/** The number of leading axes `axis` names when they are exactly 0 … k−1 (k < rank), else 0. */
export function leadingAxes(axis: number | number[], rank: number): number {
  const axes = [...new Set((Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)))].sort(
    (a, b) => a - b,
  );
  if (!axes.length || axes.length >= rank) return 0;
  return axes.every((a, i) => a === i) ? axes.length : 0;
}

function register(tf: TF, name: 'Sum' | 'Mean'): void {
  replaceStockKernel(tf, name, (original) => (args) => {
    const { inputs, backend, attrs } = args as unknown as {
      inputs: { x: Info };
      backend: WasmBackend;
      attrs: { axis: number | number[]; keepDims: boolean };
    };
    const { x } = inputs;
    const k = leadingAxes(attrs.axis, x.shape.length);
    const m = x.shape.slice(0, k).reduce((a, b) => a * b, 1);
    if (x.dtype !== 'float32' || k === 0 || m < 2) return original(args as Parameters<KernelCall>[0]);
    const rest = x.shape.slice(k),
      c = rest.reduce((a, b) => a * b, 1);
    const call = (kernel: string, i: Record<string, unknown>, at: Record<string, unknown>) =>
      (tf.getKernel(kernel, 'wasm')!.kernelFunc as unknown as KernelCall)({ inputs: i, backend, attrs: at });
    const rows = call('Reshape', { x }, { shape: [1, m, 1, c] });
    const pooled = call('AvgPool', { x: rows }, { filterSize: [m, 1], strides: [1, 1], pad: 'valid' });
    const temporaries = [rows, pooled];
    let result = pooled;
    if (name === 'Sum') {
      const count = backend.makeOutput([], 'float32', undefined, Float32Array.of(m));
      result = call('Multiply', { a: pooled, b: count }, {});
      temporaries.push(count, result);
    }
    const out = call(
      'Reshape',
      { x: result },
      { shape: attrs.keepDims ? [...x.shape.slice(0, k).map(() => 1), ...rest] : rest },
    );
    for (const t of temporaries) backend.disposeData(t.dataId);
    return out;
  });
}

export function registerWasmLeadingReductions(tf: TF): void {
  register(tf, 'Sum');
  register(tf, 'Mean');
}
