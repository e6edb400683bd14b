import type { Graph } from '../graph/types';

export const LOSSES = ['nsgan', 'minimax', 'lsgan', 'wgan-gp', 'hinge'] as const;
export type LossKind = (typeof LOSSES)[number];
export const LOSS_LABELS: Record<LossKind, string> = {
  nsgan: 'Non-saturating BCE', minimax: 'Minimax BCE', lsgan: 'Least squares', 'wgan-gp': 'Wasserstein + GP', hinge: 'Hinge',
};

export const OPTIMIZERS = ['adam', 'rmsprop', 'sgd'] as const;
export interface OptimizerConfig {
  type: (typeof OPTIMIZERS)[number];
  learningRate: number;
  /** Adam's first-moment decay; GANs usually want 0.5. */
  beta1: number;
  beta2: number;
}

export interface TrainingConfig {
  loss: LossKind;
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
  generator: OptimizerConfig;
  discriminator: OptimizerConfig;
  seed: number;
}

export const DATASET_KINDS = ['mnist', 'ring8', 'grid25', 'spiral', 'points', 'custom'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export interface DatasetSpec {
  kind: DatasetKind;
  /** How images are scaled: [-1, 1] for tanh generators, [0, 1] for sigmoid ones. */
  scale: 'tanh' | 'sigmoid';
  /** For 'mnist': keep only these digits (all when absent). */
  digits?: number[];
  /** For 'points': user-drawn 2-D points. */
  points?: [number, number][];
  /** For 'custom' (an imported IDX file or image folder): what it looked like when imported. */
  name?: string;
  shape?: number[];
  numClasses?: number;
}

export interface Viewport { x: number; y: number; zoom: number }

export const PROJECT_VERSION = 1;

export interface Project {
  format: 'ganvas';
  version: typeof PROJECT_VERSION;
  name: string;
  description: string;
  graph: Graph;
  training: TrainingConfig;
  dataset: DatasetSpec;
  viewport?: Viewport;
}

export const defaultOptimizer = (): OptimizerConfig => ({ type: 'adam', learningRate: 2e-4, beta1: 0.5, beta2: 0.999 });

export const defaultTraining = (): TrainingConfig => ({
  loss: 'nsgan', batchSize: 64, dSteps: 1, realLabel: 1, gpWeight: 10, infoLambda: 1, auxWeight: 1,
  generator: defaultOptimizer(), discriminator: defaultOptimizer(), seed: 42,
});
