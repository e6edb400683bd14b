/** The training setup as a project file holds it. Every field is declared, with its range and help, in settings.ts. */

export interface OptimizerConfig {
  /** An id of the optimizer registry (optimizers/). */
  type: string;
  learningRate: number;
  /** Adam's first-moment decay; GANs usually want 0.5. */
  beta1: number;
  beta2: number;
}

export interface TrainingConfig {
  /** An id of the loss registry (core/losses). */
  loss: string;
  batchSize: number;
  /** Discriminator steps per generator step (k in Goodfellow et al.). */
  dSteps: number;
  /** Target for real samples in D's loss; < 1 is one-sided label smoothing (e.g. 0.9). */
  realLabel: number;
  /** Weight of WGAN-GP's gradient penalty. */
  gpWeight: number;
  /** Weight of InfoGAN's mutual-information term. */
  infoLambda: number;
  /** Weight of AC-GAN's auxiliary class loss. */
  auxWeight: number;
  /**
   * Decay of the exponential moving average of G's weights that samples are drawn from (0: off, samples
   * come from G as it trains). Training itself does not read the average.
   */
  gAverage: number;
  generator: OptimizerConfig;
  discriminator: OptimizerConfig;
  seed: number;
}
