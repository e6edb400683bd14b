import type { Graph } from '../graph/types';

export type { OptimizerConfig, TrainingConfig } from '../training/types';
import type { TrainingConfig } from '../training/types';

export type { DatasetSpec } from '../datasets/types';
import type { DatasetSpec } from '../datasets/types';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

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
