/**
 * Factor quality of a training session's generator on data with known factors (the sprites): n samples
 * from seeded latents (inference mode), their factors measured from the pixels by the dataset kind's
 * FactorModel, compared with the InfoGAN codes that made them (factors.ts). Generated in batches with
 * `shouldStop` asked between them; reads back asynchronously only.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import type { FactorModel } from '../datasets/defineDataset';
import type { TrainingSession } from '../train/session';
import { factorQuality, type FactorQuality } from './factors';

export async function measureFactors(
  tf: TF,
  session: TrainingSession,
  model: FactorModel,
  scale: 'tanh' | 'sigmoid',
  n = 256,
  seed = 4321,
  opts: { batch?: number; shouldStop?: () => boolean } = {},
): Promise<FactorQuality | undefined> {
  const batch = opts.batch ?? 64,
    plan = session.plan;
  const F = model.names.length;
  const measured = new Float32Array(n * F);
  const cats = plan.categoricalCodes.length ? new Int32Array(n) : undefined;
  const contCount = plan.generator.inputs
    .filter((i) => i.role === 'continuousCode')
    .reduce((a, i) => a + (i.shape[0] ?? 1), 0);
  const cont = contCount ? new Float32Array(n * contCount) : undefined;
  for (let i = 0; i < n; i += batch) {
    if (opts.shouldStop?.()) return undefined;
    const m = Math.min(batch, n - i);
    const out = tf.tidy(() => {
      const feed = session.fixedFeed(m, seed + i);
      const images = session.stepper.generate(feed);
      return { images, cat: feed.categorical[0]?.clone(), cont: feed.continuous?.clone() } as {
        images: tfNs.Tensor;
        cat?: tfNs.Tensor;
        cont?: tfNs.Tensor;
      };
    });
    try {
      const [px, c, k] = await Promise.all([
        out.images.data() as Promise<Float32Array>,
        out.cat?.data(),
        out.cont?.data(),
      ]);
      measured.set(model.measure(px, m, scale), i * F);
      if (cats && c) cats.set(Int32Array.from(c), i);
      if (cont && k) cont.set(k as Float32Array, i * contCount);
    } finally {
      tf.dispose([out.images, ...(out.cat ? [out.cat] : []), ...(out.cont ? [out.cont] : [])]);
    }
  }
  return factorQuality({
    measured,
    names: model.names,
    classes: model.classes.length,
    categorical: cats && { values: cats, categories: plan.categoricalCodes[0] },
    continuous: cont && { values: cont, count: contCount, range: [-1, 1] },
  });
}
