/** Helpers shared by the Node and browser benchmarks. */
import type * as tfNs from '@tensorflow/tfjs';
import { loadTemplate } from '../src/core/project/templates';
import { compileGraph, type GanPlan } from '../src/core/compile/plan';
import { datasetInfo } from '../src/core/datasets';
import { loadDataset } from '../src/core/datasets';
import type { HostDataset } from '../src/core/data/host';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A template compiled at the given batch with one D step (so every row times the same work). */
export function planOf(id: string, batch: number): GanPlan {
  const p = loadTemplate(id);
  // As the hand-written steps (bench/handwritten.ts) do: one D-step, and no average of G's weights.
  const res = compileGraph(p.graph, datasetInfo(p.dataset), {
    ...p.training,
    batchSize: batch,
    dSteps: 1,
    gAverage: 0,
  });
  if (!res.ok) throw new Error(`${id} does not compile`);
  return res.plan;
}

/** Wall time of one step, including the download of its result (so the device has finished). */
export async function timeOnce(f: () => tfNs.Tensor): Promise<number> {
  const t0 = performance.now();
  const t = f();
  await t.data();
  t.dispose();
  return performance.now() - t0;
}

/** The template's dataset, loaded once per kind; MNIST bytes come from the platform. */
export function datasetCache(
  mnistBytes: () => Promise<ArrayBuffer | Uint8Array>,
): (id: string) => Promise<HostDataset> {
  const cache = new Map<string, HostDataset>();
  return async (id) => {
    const spec = loadTemplate(id).dataset;
    if (!cache.has(spec.kind)) cache.set(spec.kind, await loadDataset(spec, { mnistBytes }));
    return cache.get(spec.kind)!;
  };
}
