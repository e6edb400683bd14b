/**
 * One sample followed through the whole GAN, for the layer view: latent (and codes/labels) -> every
 * node of G -> the generated sample -> every node of D -> D's heads. It is sample `i` of the probe's
 * fixed latent batch (the same seeded feed, so it is the i-th picture of the node tiles' sample grid).
 * Every value of every node for that one sample comes back, in one asynchronous download: all the
 * channels at full resolution, which the node tiles (a few channels, downscaled bytes) do not carry.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { getBlock, type TF } from '../src/core/blocks';
import type { TrainingSession } from '../src/core/train/session';
import { probeBatchSize } from '../src/core/train/probe';
import type { LayerValues, SampleTrace } from './api';

type T = tfNs.Tensor;

const one = (tf: TF, x: T, i: number): T => tf.slice(x, i, 1);
const list = (x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

export async function traceSample(tf: TF, s: TrainingSession, sample: number): Promise<SampleTrace> {
  const n = probeBatchSize(s.plan);
  const i = Math.max(0, Math.min(n - 1, Math.floor(sample)));
  const feed = s.fixedFeed(n);
  const layout: Omit<LayerValues, 'values'>[] = [];
  let packed: T;
  try {
    packed = tf.tidy(() => {
      const out: T[] = [];
      const put = (nodeId: string, network: LayerValues['network'], x: T) => {
        layout.push({ nodeId, network, shape: x.shape.slice(1) as number[] });
        out.push(tf.reshape(x, [-1]));
      };
      const gIn = feed.values.map((v) => one(tf, v, i));
      const gOuts = list(s.gan.generator.probe.predict(gIn) as T | T[]);
      const gById = new Map(s.gan.generator.probeIds.map((id, k) => [id, gOuts[k]]));
      s.gan.generator.probeIds.forEach((id) => put(id, 'generator', gById.get(id)!));
      const gen = s.plan.generator.outputs.find((o) => o.role === 'generated');
      const fake = gen ? gById.get(gen.source)! : (s.gan.generator.model.predict(gIn) as T);
      if (gen) put(gen.head, 'generator', fake);
      const labels = feed.labels ? one(tf, feed.labels, i) : undefined;
      const dIn = s.plan.discriminator.inputs.map((input) =>
        input.role === 'data' ? fake : getBlock(input.type).sample!(tf, input.params, 1, { labels }).value,
      );
      const dOuts = list(s.gan.discriminator.probe.predict(dIn) as T | T[]);
      const dById = new Map(s.gan.discriminator.probeIds.map((id, k) => [id, dOuts[k]]));
      s.gan.discriminator.probeIds.forEach((id) => put(id, 'discriminator', dById.get(id)!));
      // A head shows what its source computes (InfoGAN's Q head has two sources: both, in order).
      for (const o of s.plan.discriminator.outputs) put(o.head, 'discriminator', dById.get(o.source)!);
      return tf.concat(out);
    });
  } finally {
    feed.values.forEach((t) => t.dispose());
    feed.labels?.dispose();
    feed.categorical.forEach((t) => t.dispose());
    feed.continuous?.dispose();
  }
  try {
    const flat = (await packed.data()) as Float32Array;
    let off = 0;
    // Views on one buffer: it is transferred to the page once.
    const layers = layout.map((l) => {
      const size = l.shape.reduce((a, b) => a * b, 1);
      const values = flat.subarray(off, off + size);
      off += size;
      return { ...l, values };
    });
    const rf = s.plan.discriminator.outputs.find((o) => o.role === 'realFake');
    const verdict = rf
      ? { head: rf.head, score: layers.find((l) => l.nodeId === rf.head)!.values[0], activation: rf.activation }
      : undefined;
    return { step: s.step, sample: i, batch: n, layers, verdict };
  } finally {
    packed.dispose();
  }
}
