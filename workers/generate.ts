/** The latent explorer in the worker: G on an explorer request, with the data's range and, for 2-D data, real points to compare. */
import type { TF } from '../src/core/blocks';
import { hostRows, type HostDataset } from '../src/core/data/host';
import type { ExploreRequest, ExploreResult } from '../src/core/explore';
import { generateExploration } from '../src/core/explore/generate';
import type { TrainingSession } from '../src/core/train/session';
import { extentOf, scaleOf } from './helpers';

/** Real points shown under a 2-D exploration (evenly spread over the dataset). */
const REAL_POINTS = 512;

export async function explore(
  tf: TF,
  s: TrainingSession,
  host: HostDataset,
  request: ExploreRequest,
): Promise<ExploreResult> {
  const r = await generateExploration(tf, s.plan, s.stepper.samplingGenerator, request, { scale: scaleOf(host) });
  if (host.shape.length !== 1) return { ...r, step: s.step };
  const k = Math.min(REAL_POINTS, host.count);
  const real = hostRows(
    host,
    Array.from({ length: k }, (_, i) => Math.floor((i * host.count) / k)),
  );
  return { ...r, step: s.step, real, extent: extentOf(host) };
}

/** The buffers to transfer, not copy, back to the page. */
export const exploreBuffers = (r: ExploreResult): ArrayBuffer[] =>
  [r.values.buffer, r.tile?.pixels.buffer, r.real?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
