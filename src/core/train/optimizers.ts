import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import type { OptimizerConfig } from '../project/types';

export function makeOptimizer(tf: TF, c: OptimizerConfig): tfNs.Optimizer {
  switch (c.type) {
    case 'adam': return tf.train.adam(c.learningRate, c.beta1, c.beta2);
    case 'rmsprop': return tf.train.rmsprop(c.learningRate);
    case 'sgd': return tf.train.sgd(c.learningRate);
  }
}
