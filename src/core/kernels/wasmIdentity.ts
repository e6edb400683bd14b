/**
 * Identity for the wasm backend that shares its input's buffer (one more reference), as the cpu and
 * WebGL backends' do, instead of tfjs's wasm kernel, which allocates and copies. Under a gradient tape
 * tfjs clones every tensor an op saves for its gradient (engine.saveTensorsForBackwardMode), so a
 * `dcgan-mnist` step ran ~350 Identity copies of activation-sized tensors (~28 ms of its kernels in
 * Chromium; BENCHMARKS.md). Sharing is safe because tfjs never writes a tensor's buffer in place: a
 * variable's assign points the variable at the new value's buffer.
 */
import type { TF } from '../tf';
import { replaceStockKernel, type Info } from './composite';

export function registerWasmIdentity(tf: TF): void {
  replaceStockKernel(tf, 'Identity', (stock) => (args) => {
    const { inputs, backend } = args as unknown as {
      inputs: { x: Info };
      backend: { incRef(dataId: unknown): void };
    };
    const { x } = inputs;
    if (x.dtype === 'string') return stock(args as Parameters<typeof stock>[0]);
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  });
}
