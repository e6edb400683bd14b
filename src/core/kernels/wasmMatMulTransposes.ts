/**
 * BatchMatMul for the wasm backend with transposed operands: tfjs hands transposeA / transposeB to
 * XNNPACK, whose transposed paths are ~10x slower here than a Transpose followed by the plain product
 * (Dense's weight gradient xᵀ·dy: 35 ms → 3.4 ms at DCGAN's 32×100×12544). Every Dense layer's
 * backward pass uses both. The stock kernel (and its setup) does the product.
 */
import type { TF } from '../tf';
import { replaceStockKernel, type BackendLike, type Info, type KernelCall } from './composite';

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
    const swapLast = (t: Info) => {
      const perm = t.shape.map((_, i) => i);
      [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
      const r = transpose({ inputs: { x: t }, backend, attrs: { perm } });
      made.push(r);
      return r;
    };
    const a = transposeA ? swapLast(inputs.a) : inputs.a,
      b = transposeB ? swapLast(inputs.b) : inputs.b;
    const out = product({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    for (const t of made) backend.disposeData(t.dataId);
    return out;
  });
}
