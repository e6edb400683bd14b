/**
 * BatchMatMul for the wasm backend with transposed operands. tfjs hands transposeA / transposeB to a
 * loop (slow_batch_matmul), ~10x slower here than XNNPACK's product; XNNPACK's product (the stock
 * kernel's plain case) wants both operands untransposed and packs its right operand on every call
 * whose tensor it has not seen (a gradient, a fresh copy: ~6 ns an element). So a transposed product is
 * rewritten as the plain product that moves the fewest elements, of two:
 *   direct:  A·B, transposing whichever operand arrived transposed;
 *   swapped: (Bᵀ·Aᵀ)ᵀ, where an operand that arrived transposed is already in place, and only the
 *            (usually small) output is transposed back.
 * Dense's input gradient dy·Wᵀ is the case that needs the swap: direct transposes and packs the whole
 * weight matrix (D's 3136×1024 layer: 71 ms), swapped transposes only the batch-sized dy and output
 * (~20 ms). Its weight gradient xᵀ·dy stays direct (35 ms → 3.4 ms against the loop at DCGAN's
 * 32×100×12544). Batched products (leading dimensions ≠ 1) take the direct way.
 */
import type { TF } from '../tf';
import { replaceStockKernel, type BackendLike, type Info, type KernelCall } from './composite';

/** Elements a product moves besides the multiply itself: transposed copies, plus packing its right operand. */
export function productOrientation(
  m: number,
  k: number,
  n: number,
  transposeA: boolean,
  transposeB: boolean,
): 'direct' | 'swapped' {
  const direct = (transposeA ? m * k : 0) + (transposeB ? k * n : 0) + k * n;
  const swapped = (transposeB ? 0 : k * n) + (transposeA ? 0 : m * k) + m * k + m * n;
  return swapped < direct ? 'swapped' : 'direct';
}

const sizeOf = (dims: number[]) => dims.reduce((x, y) => x * y, 1);

export function registerWasmMatMulTransposes(tf: TF): void {
  replaceStockKernel(tf, 'BatchMatMul', (product) => (args) => {
    const { inputs, backend, attrs } = args as unknown as {
      inputs: { a: Info; b: Info };
      backend: BackendLike;
      attrs: Record<string, unknown>;
    };
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return product(args as Parameters<KernelCall>[0]);
    const transpose = tf.getKernel('Transpose', 'wasm')!.kernelFunc as unknown as KernelCall;
    const made: Info[] = [];
    const transposeLast = (t: Info) => {
      const perm = t.shape.map((_, i) => i);
      [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
      return transpose({ inputs: { x: t }, backend, attrs: { perm } });
    };
    const swapLast = (t: Info) => {
      const r = transposeLast(t);
      made.push(r);
      return r;
    };
    const plain = (a: Info, b: Info) =>
      product({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    const { a, b } = inputs;
    const ra = a.shape.length,
      rb = b.shape.length;
    const m = a.shape[transposeA ? ra - 1 : ra - 2],
      k = a.shape[transposeA ? ra - 2 : ra - 1],
      n = b.shape[transposeB ? rb - 2 : rb - 1];
    const unbatched = sizeOf(a.shape.slice(0, -2)) === 1 && sizeOf(b.shape.slice(0, -2)) === 1;
    let out: Info;
    if (unbatched && productOrientation(m, k, n, transposeA, transposeB) === 'swapped') {
      const outT = plain(transposeB ? b : swapLast(b), transposeA ? a : swapLast(a));
      made.push(outT);
      out = transposeLast(outT);
    } else {
      out = plain(transposeA ? swapLast(a) : a, transposeB ? swapLast(b) : b);
    }
    for (const t of made) backend.disposeData(t.dataId);
    return out;
  });
}
