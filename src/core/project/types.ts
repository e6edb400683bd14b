import type { Graph } from '../graph/types';

export type { OptimizerConfig, TrainingConfig } from '../training/types';
import type { TrainingConfig } from '../training/types';

/** A project's data. `kind` is an id of the dataset-kind registry (core/datasets), which also owns the optional fields. */
export interface DatasetSpec {
  kind: string;
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

export { defaultTraining } from '../training/settings';
