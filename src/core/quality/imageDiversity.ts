/**
 * Sample diversity for any image data — the bundled MNIST or an imported set, labelled or not — from a
 * fixed batch of G's images, each statistic relative to the same on real images (≈ 1: as varied as the
 * data):
 * - spread: the mean distance between all pairs (the classic measure; falls to ~0 when G draws one
 *   picture whatever z, but a G stuck on two very different shapes still scores ~0.5);
 * - neighbours: the mean distance from each image to its nearest other image in the batch (falls when G
 *   repeats itself, however far apart its few pictures are).
 * Computed on the backend from the Gram matrix (|a − b|² = |a|² + |b|² − 2 a·b), reading back two numbers
 * and never synchronously, so it can sit between training chunks in the worker.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import type { HostDataset } from '../data/host';
import type { TrainingSession } from '../train/session';
import { pickIndices, rowsOf } from './mnistQuality';

export const DIVERSITY_SAMPLES = 256;

/** Image data: one sample is [height, width, channels]. 2-D toy data has its own measure (core/doctor/samples). */
export function imageDiversityApplies(shape: readonly number[]): boolean {
  return shape.length === 3;
}

/**
 * The pooling window that brings images down to about 7×7 (4 for 28×28; 1 for images that small): the
 * distances then compare shapes, not per-pixel speckle. On the vanilla GAN's grey blobs (one for every z)
 * full-resolution neighbours measured 0.33 of real digits' (the speckle differs), 4×4-pooled 0.16.
 */
export function coarsePool(shape: readonly number[]): number {
  return Math.max(1, Math.floor(Math.min(shape[0], shape[1]) / 7));
}

/**
 * [mean distance over all pairs i ≠ j, mean distance to the nearest other image] of x ([n, h, w, c]) after
 * `pool`×`pool` average pooling; a tensor of 2 (caller disposes).
 */
export function pairDistanceStats(tf: TF, x: tfNs.Tensor, pool = 1): tfNs.Tensor1D {
  return tf.tidy(() => {
    const n = x.shape[0]!;
    // One image has no pairs: 0 for both, which the ratios below read as "no reference" (1).
    if (n < 2) return tf.zeros([2]) as tfNs.Tensor1D;
    const pooled = pool > 1 ? tf.avgPool(x as tfNs.Tensor4D, pool, pool, 'valid') : x;
    const flat = tf.reshape(pooled, [n, -1]) as tfNs.Tensor2D;
    const sq = tf.sum(tf.square(flat), 1, true);
    const gram = tf.matMul(flat, flat, false, true);
    // Float rounding can leave a tiny negative square for (near-)identical rows: clamp before the root.
    const d = tf.sqrt(tf.relu(tf.sub(tf.add(sq, tf.transpose(sq)), tf.mul(gram, 2))));
    const eye = tf.eye(n);
    const mean = tf.div(tf.sum(tf.mul(d, tf.sub(1, eye))), Math.max(1, n * (n - 1)));
    // The diagonal (each image to itself) pushed out of the minimum.
    const nearest = tf.mean(tf.min(tf.add(d, tf.mul(eye, 1e9)), 1));
    return tf.stack([mean, nearest]) as tfNs.Tensor1D;
  });
}

export interface ImageDiversity {
  /** Mean pairwise distance of G's fixed batch divided by real images'. */
  spread: number;
  /** Mean nearest-neighbour distance within G's batch divided by real images'. */
  neighbours: number;
  samples: number;
}

export class ImageDiversityMeter {
  private constructor(
    private readonly tf: TF,
    readonly pool: number,
    readonly real: [number, number],
    readonly samples: number,
  ) {}

  /** Measures real images once, on n images drawn at random (seeded) from the data. */
  static async create(tf: TF, host: HostDataset, n = DIVERSITY_SAMPLES): Promise<ImageDiversityMeter> {
    const idx = pickIndices(host.count, n, 3),
      pool = coarsePool(host.shape);
    const s = tf.tidy(() =>
      pairDistanceStats(
        tf,
        tf.tensor4d(rowsOf(host, idx), [idx.length, ...host.shape] as [number, number, number, number]),
        pool,
      ),
    );
    try {
      const [mean, nearest] = await s.data();
      return new ImageDiversityMeter(tf, pool, [mean, nearest], idx.length);
    } finally {
      s.dispose();
    }
  }

  /**
   * G's fixed batch of n images (seeded latents, inference mode) — the same size as the real batch, since
   * nearest-neighbour distances shrink as a batch grows — generated in batches of `batch`, with
   * `shouldStop` asked between them (a stop gives undefined: a pause never waits for a big G's whole batch).
   */
  async measureSession(
    session: TrainingSession,
    seed = 4321,
    opts: { batch?: number; shouldStop?: () => boolean } = {},
  ): Promise<ImageDiversity | undefined> {
    const n = this.samples,
      batch = opts.batch ?? 64,
      parts: tfNs.Tensor[] = [];
    try {
      for (let i = 0; i < n; i += batch) {
        if (opts.shouldStop?.()) return undefined;
        parts.push(session.sample(Math.min(batch, n - i), seed + i));
      }
      return await this.measureImages(parts);
    } finally {
      for (const p of parts) p.dispose();
    }
  }

  /** The diversity of images already generated (batches of [k, h, w, c], not disposed; `samples` of them in all). */
  async measureImages(parts: readonly tfNs.Tensor[]): Promise<ImageDiversity> {
    const s = this.tf.tidy(() =>
      pairDistanceStats(this.tf, parts.length === 1 ? parts[0] : this.tf.concat(parts as tfNs.Tensor[]), this.pool),
    );
    const [mean, nearest] = await s.data();
    s.dispose();
    const ratio = (x: number, r: number) => (r > 0 ? x / r : 1);
    return {
      spread: ratio(mean, this.real[0]),
      neighbours: ratio(nearest, this.real[1]),
      samples: parts.reduce((a, p) => a + p.shape[0]!, 0),
    };
  }
}
