/**
 * Seeded weight initialisation: tfjs layers draw their initial weights from an unseeded generator, so
 * two runs of the same project with the same training seed started from different weights and could
 * fail on one run and work on the next. After the models are built, every weight is drawn again from
 * the layer's own initializer (tfjs's defaults: glorot-normal kernels, zero biases, BatchNorm's ones and zeros, ...) with a seed derived from the training
 * seed and the weight's name: one place for every block, and adding a layer does not change the
 * initial weights of the others.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import type { BuiltGan } from './build';

interface InitializerLike {
  apply(shape: number[], dtype?: tfNs.DataType): tfNs.Tensor;
  getConfig(): Record<string, unknown>;
}

/** FNV-1a of the text mixed with the seed: a stable 31-bit seed per weight. */
export function weightSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h & 0x7fffffff;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The initializer a layer used for one of its weights. tfjs names them `<weight>Initializer`
 * (kernelInitializer, movingMeanInitializer, embeddingsInitializer), except the separable and
 * depthwise kernels (depthwiseInitializer, pointwiseInitializer).
 */
function initializerOf(layer: tfNs.layers.Layer, weightName: string): InitializerLike | undefined {
  const short = camel(weightName.split('/').pop()!);
  const l = layer as unknown as Record<string, InitializerLike | undefined>;
  return l[`${short}Initializer`] ?? l[`${short.replace(/Kernel$/, '')}Initializer`];
}

/** The same initializer with a fixed seed (only initializers with a `seed` setting draw random numbers). */
function seeded(init: InitializerLike, seed: number): InitializerLike {
  const cfg = init.getConfig();
  if (!('seed' in cfg)) return init;
  const Ctor = init.constructor as new (args: Record<string, unknown>) => InitializerLike;
  return new Ctor({ ...cfg, seed });
}

/**
 * Re-draws every weight of the model from its layer's initializer, seeded by `seed` and the weight's
 * name. Returns the names of weights it could not re-draw (no initializer found; they keep their values).
 */
export function seedModelWeights(tf: TF, model: tfNs.LayersModel, seed: number): string[] {
  const skipped: string[] = [];
  for (const layer of model.layers) {
    for (const w of layer.weights) {
      const init = initializerOf(layer, w.originalName);
      if (!init) {
        skipped.push(w.originalName);
        continue;
      }
      const value = tf.tidy(() => seeded(init, weightSeed(seed, w.originalName)).apply(w.shape as number[], w.dtype));
      w.write(value);
      value.dispose();
    }
  }
  return skipped;
}

/** Both networks, from the training seed (G's and D's weights are named apart by their layer ids). */
export function seedGanWeights(tf: TF, gan: BuiltGan, seed: number): string[] {
  return [...seedModelWeights(tf, gan.generator.model, seed), ...seedModelWeights(tf, gan.discriminator.model, seed)];
}
