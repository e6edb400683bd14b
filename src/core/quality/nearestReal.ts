/**
 * How close generated digits come to real ones, in pixels: the median distance from each image to its
 * nearest neighbour in a pool of real digits (L2 over 784 pixels in [0, 1]), set against the same for
 * real digits the pool does not hold. A G that draws digits lands near the real value; blobs, smears and
 * checkerboards land far above it (the TF-tutorial DCGAN at 600 steps: 6.7 vs 4.75). Far *below* it
 * would mean G copies training digits. For the benchmark (the pool is 8,000 digits on the device), not
 * the app. Reads back asynchronously.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import type { HostDataset } from '../data/host';
import { toUnitRange } from './classifier';
import { pickIndices, rowsOf } from './mnistQuality';
import { isHeldOut } from './reference';

/** Median of the nearest-pool-image distances of x ([n, 28, 28, 1] in [0, 1]); pool [m, 784], poolSq [1, m]. */
function nearestDistances(tf: TF, x: tfNs.Tensor, pool: tfNs.Tensor2D, poolSq: tfNs.Tensor): tfNs.Tensor1D {
  return tf.tidy(() => {
    const flat = tf.reshape(x, [x.shape[0]!, -1]) as tfNs.Tensor2D;
    const sq = tf.sum(tf.square(flat), 1, true);
    const d2 = tf.sub(tf.add(sq, poolSq), tf.mul(tf.matMul(flat, pool, false, true), 2));
    return tf.sqrt(tf.relu(tf.min(d2, 1))) as tfNs.Tensor1D;
  });
}

const median = (v: Float32Array): number => {
  const s = Float64Array.from(v).sort();
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export class NearestRealMeter {
  private constructor(
    private readonly tf: TF,
    private readonly pool: tfNs.Tensor2D,
    private readonly poolSq: tfNs.Tensor,
    private readonly scale: 'tanh' | 'sigmoid',
    readonly real: number,
  ) {}

  /**
   * The pool is every digit outside the classifier's held-out split (8,000 of the bundled 10,000); the
   * reference is `nReal` held-out digits' median distance to it.
   */
  static async create(tf: TF, host: HostDataset, scale: 'tanh' | 'sigmoid', nReal = 500): Promise<NearestRealMeter> {
    const inPool = Array.from({ length: host.count }, (_, i) => i).filter((i) => !isHeldOut(i));
    const pool = tf.tidy(() =>
      tf.reshape(toUnitRange(tf, tf.tensor4d(rowsOf(host, inPool), [inPool.length, 28, 28, 1]), scale), [
        inPool.length,
        784,
      ]),
    ) as tfNs.Tensor2D;
    const poolSq = tf.tidy(() => tf.reshape(tf.sum(tf.square(pool), 1), [1, -1]));
    const idx = pickIndices(host.count, nReal, 5, new Set(inPool));
    const x = tf.tensor4d(rowsOf(host, idx), [idx.length, 28, 28, 1]);
    const meter = new NearestRealMeter(tf, pool, poolSq, scale, 0);
    try {
      return new NearestRealMeter(tf, pool, poolSq, scale, await meter.measure(x));
    } finally {
      x.dispose();
    }
  }

  /** Median nearest-pool distance of images [n, 28, 28, 1] scaled like the data (not disposed). */
  async measure(images: tfNs.Tensor, batch = 250): Promise<number> {
    const n = images.shape[0]!,
      all = new Float32Array(n);
    for (let i = 0; i < n; i += batch) {
      const k = Math.min(batch, n - i);
      const d = this.tf.tidy(() =>
        nearestDistances(
          this.tf,
          toUnitRange(this.tf, this.tf.slice(images, [i], [k]), this.scale),
          this.pool,
          this.poolSq,
        ),
      );
      all.set((await d.data()) as Float32Array, i);
      d.dispose();
    }
    return median(all);
  }

  dispose(): void {
    this.pool.dispose();
    this.poolSq.dispose();
  }
}
