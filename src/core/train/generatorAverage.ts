/**
 * G's weights averaged over training (an exponential moving average, the `gAverage` setting): a second
 * generator of the same graph whose trainable weights follow G's as avg ← avg + (1 − decay)·(w − avg)
 * after every step. Its BatchNorm statistics are its own: after each update it runs once in training mode
 * on the step's latents, so they describe the averaged weights' activations rather than G's (copying G's
 * also drew good InfoGAN digits in PyTorch, but describes other weights). The generated PyTorch step does
 * the same. Samples drawn from it do not jitter with each optimizer step; training never reads it.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TF } from '../blocks';
import { buildNet } from '../compile/build';
import type { NetPlan } from '../compile/plan';

export class GeneratorAverage {
  readonly model: tfNs.LayersModel;
  /** Whether it has weights that are not trained (BatchNorm's moving statistics), which its own passes update. */
  private readonly hasStatistics: boolean;

  constructor(
    private readonly tf: TF,
    net: NetPlan,
    private readonly source: tfNs.LayersModel,
  ) {
    // Named as G, so a run folder's generator/ reads the same whichever G it holds; its probe model (built
    // alongside) is left alone, as for G: it holds no weights of its own.
    this.model = buildNet(tf, net, 'generator').model;
    const names = (m: tfNs.LayersModel) => m.weights.map((w) => w.originalName).join();
    if (names(this.model) !== names(source)) throw new Error("the averaged generator's weights do not match G's");
    this.hasStatistics = source.weights.some((w) => !w.trainable);
    this.restart();
  }

  /**
   * The average starts again from G's current weights (at the start, and after G's weights were replaced).
   * Writing assigns G's tensors; G's later updates replace its variables' data, never these.
   */
  restart(): void {
    this.source.weights.forEach((w, i) => this.model.weights[i].write(w.read()));
  }

  /**
   * One step of the average: trainable weights move 1 − decay of the way to G's; then, when it has
   * BatchNorm statistics, one pass in training mode on `latents` (the step's G inputs) moves them.
   */
  update(decay: number, latents: tfNs.Tensor[]): void {
    const tf = this.tf;
    tf.tidy(() => {
      const rate = tf.scalar(1 - decay);
      this.source.weights.forEach((w, i) => {
        if (!w.trainable) return;
        const avg = this.model.weights[i];
        avg.write(tf.add(avg.read(), tf.mul(rate, tf.sub(w.read(), avg.read()))));
      });
      if (this.hasStatistics) this.model.apply(latents, { training: true });
    });
  }

  dispose(): void {
    this.model.dispose();
  }
}
