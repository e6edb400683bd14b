/**
 * Tile for the wasm backend as block copies on the wasm heap. tfjs's wasm Tile walks the output one
 * element at a time (~40 ns each); BatchNorm's gradient tiles its scale to the whole activation, which
 * made Tile 4% of a DCGAN step. Here each input row is copied once and every repetition is one
 * copyWithin of a whole block (memcpy speed).
 */
import type { TF } from '../tf';
import { replaceStockKernel, type Info, type WasmBackend } from './composite';

type Heap = Float32Array | Int32Array | Uint8Array;

/** Writes `src` (of `shape`) tiled `reps` times along each axis into `dst`. */
export function tileInto(src: Heap, shape: number[], reps: number[], dst: Heap): void {
  const n = shape.length;
  if (n === 0) {
    dst[0] = src[0];
    return;
  }
  const out = shape.map((d, i) => d * reps[i]);
  const srcStride = new Array<number>(n),
    dstStride = new Array<number>(n);
  srcStride[n - 1] = 1;
  dstStride[n - 1] = 1;
  for (let i = n - 2; i >= 0; i--) {
    srcStride[i] = srcStride[i + 1] * shape[i + 1];
    dstStride[i] = dstStride[i + 1] * out[i + 1];
  }
  const fill = (axis: number, s: number, d: number): void => {
    const len = shape[axis],
      block = len * dstStride[axis];
    if (axis === n - 1) {
      if (len === 1) {
        dst.fill(src[s], d, d + reps[axis]);
        return;
      }
      dst.set(src.subarray(s, s + len), d);
    } else {
      for (let i = 0; i < len; i++) fill(axis + 1, s + i * srcStride[axis], d + i * dstStride[axis]);
    }
    for (let r = 1; r < reps[axis]; r++) dst.copyWithin(d + r * block, d, d + block);
  };
  fill(0, 0, 0);
}

export function registerWasmTile(tf: TF): void {
  replaceStockKernel(tf, 'Tile', () => ({ inputs, backend, attrs }) => {
    const { x } = inputs as unknown as { x: Info };
    const { reps } = attrs as unknown as { reps: number[] };
    const b = backend as unknown as WasmBackend;
    const out = b.makeOutput(
      x.shape.map((d, i) => d * reps[i]),
      x.dtype,
    );
    // Views after makeOutput: an allocation may grow (and so replace) the heap's buffer.
    tileInto(b.typedArrayFromHeap(x), x.shape, reps, b.typedArrayFromHeap(out));
    return out;
  });
}
