/** Drawing the generator's inputs for a batch: used by training, sampling and the `sample` CLI. */
import type * as tfNs from '@tensorflow/tfjs';
import { getBlock, type TF } from '../blocks';
import type { GanPlan } from '../compile/plan';

type T = tfNs.Tensor;

export interface GeneratorFeed {
  values: T[];
  labels?: T;
  categorical: T[];
  continuous?: T;
}

/** One tensor per generator input (seeded: input i uses seed + i), plus what InfoGAN's Q must recover. */
export function sampleGeneratorFeed(tf: TF, plan: GanPlan, batch: number, seed?: number, labels?: T): GeneratorFeed {
  const at = (i: number) => (seed === undefined ? undefined : seed + i);
  const feed: GeneratorFeed = { values: [], categorical: [], labels };
  if (plan.usesLabels && !labels) feed.labels = tf.randomUniform([batch], 0, plan.data.numClasses, 'int32', at(97));
  const continuous: T[] = [];
  plan.generator.inputs.forEach((input, i) => {
    const s = getBlock(input.type).sample!(tf, input.params, batch, { labels: feed.labels, seed: at(i) });
    feed.values.push(s.value);
    if (input.role === 'categoricalCode') feed.categorical.push(s.target!);
    if (input.role === 'continuousCode') continuous.push(s.target!);
  });
  if (continuous.length) feed.continuous = continuous.length === 1 ? continuous[0] : tf.concat(continuous, 1);
  return feed;
}

/** Labels 0, 1, 2, ... (wrapping) so a sample grid of a conditional GAN shows every class. */
export function cyclingLabels(tf: TF, plan: GanPlan, n: number): T | undefined {
  return plan.usesLabels
    ? tf.tensor1d(
        Array.from({ length: n }, (_, i) => i % plan.data.numClasses),
        'int32',
      )
    : undefined;
}
