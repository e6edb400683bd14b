/** The trainer's pieces that are not the loop: the probe's fixed batches, fault diagnosis, samples, export. */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../src/core/blocks';
import { scaleOfData, type HostDataset } from '../src/core/data/host';
import { gatherBatch } from '../src/core/data/device';
import { faultMessage, firstNonFiniteWeights, likelyCauses, type FaultReport } from '../src/core/train/faults';
import { ActivationProbe, firstNonFiniteNode, imageGrid, probeBatchSize, scatterCells } from '../src/core/train/probe';
import type { RunEnd, TrainingSession } from '../src/core/train/session';
import { unpackTiles, type ActivationTile, type TileLayout } from '../src/core/train/tiles';
import type { SampleResult } from './api';

/** Half-width of the window that holds 2-D data with a margin (the scatter tile's extent). */
export function extentOf(host: HostDataset): number {
  let m = 0;
  const v = host.values ?? new Float32Array(0);
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return Math.max(1, m * 1.25);
}

/** The probe on a fixed latent batch (seeded) and a fixed real batch (evenly spread over the dataset). */
export function makeProbe(tf: TF, s: TrainingSession, host: HostDataset, scale: 'tanh' | 'sigmoid'): ActivationProbe {
  const n = probeBatchSize(s.plan);
  const feed = s.fixedFeed(n);
  const idx = tf.tensor1d(
    Array.from({ length: n }, (_, i) => Math.floor((i * s.data.count) / n)),
    'int32',
  );
  const real = gatherBatch(tf, s.data, idx);
  const labels = s.data.labels ? tf.gather(s.data.labels, idx) : undefined;
  idx.dispose();
  const extent = host.shape.length === 1 ? extentOf(host) : 3;
  return new ActivationProbe(
    tf,
    s.plan,
    s.gan,
    feed,
    real,
    labels,
    { scale, extent },
    () => s.stepper.samplingGenerator,
  );
}

/** Where a NaN/Inf started: the first node whose output on the fixed batch is not finite, else the first bad weights. */
export async function diagnoseFault(
  tf: TF,
  s: TrainingSession,
  probe: ActivationProbe,
  end: Extract<RunEnd, { reason: 'nonFinite' }>,
): Promise<{ fault: FaultReport; tiles: ActivationTile[] }> {
  const tiles = await probe.read();
  const bad = firstNonFiniteNode(tiles);
  let found: Pick<FaultReport, 'nodeId' | 'network' | 'where'> = bad
    ? { nodeId: bad.nodeId, network: bad.network, where: 'output' }
    : {};
  if (!bad) {
    const w = await firstNonFiniteWeights(tf, s.gan);
    if (w) found = { ...w, where: 'weights' };
  }
  const base = {
    step: end.step,
    metric: end.metric,
    ...found,
    causes: likelyCauses(s.plan, s.stepper.config, found.network),
  };
  return { fault: { ...base, message: faultMessage(base) }, tiles };
}

/** n samples from a fixed seed as raw values and as a picture (grid for images, scatter for 2-D). */
export async function sampleTile(
  tf: TF,
  s: TrainingSession,
  n: number,
  seed: number,
  host: HostDataset,
  probe: ActivationProbe,
): Promise<SampleResult> {
  const x = s.sample(n, seed);
  const shape = x.shape.slice(1) as number[];
  const image = shape.length === 3;
  const g = Math.ceil(Math.sqrt(n));
  const gen = probe.layouts.find((l) => l.kind === 'image' || l.kind === 'scatter')!;
  const layout: TileLayout = image
    ? { ...gen, width: g * shape[1], height: g * shape[0], shown: n, total: n }
    : { ...gen, points: n };
  const packed = tf.tidy(() => {
    const pic = image
      ? imageGrid(tf, x, g, layout.channels, scaleOf(host))
      : scatterCells(tf, x, x, layout.width, extentOf(host));
    return tf.concat([tf.reshape(pic, [-1]), tf.zeros([8])]);
  });
  const [values, pic] = await Promise.all([x.data() as Promise<Float32Array>, packed.data()]);
  x.dispose();
  packed.dispose();
  return { tile: unpackTiles(pic, [layout])[0], values, shape: [n, ...shape] };
}

/** How the data is scaled: images say so; float data with negative values is [-1, 1]. */
export const scaleOf = (host: HostDataset): 'tanh' | 'sigmoid' => scaleOfData(host);

/** tf.io artifacts of a model, its weights in one ArrayBuffer. */
export async function exportModel(
  tf: TF,
  model: tfNs.LayersModel,
): Promise<{ modelTopology: unknown; weightSpecs: unknown; weightData: ArrayBuffer }> {
  let out: { modelTopology: unknown; weightSpecs: unknown; weightData: ArrayBuffer } | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const wd = a.weightData;
      const parts = Array.isArray(wd) ? wd : wd ? [wd] : [];
      const joined = new Uint8Array(parts.reduce((k, p) => k + p.byteLength, 0));
      let off = 0;
      for (const p of parts) {
        joined.set(new Uint8Array(p), off);
        off += p.byteLength;
      }
      out = { modelTopology: a.modelTopology, weightSpecs: a.weightSpecs, weightData: joined.buffer };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}
