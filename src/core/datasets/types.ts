/** The `dataset` object of a project file. */
import type { Fit } from '../data/images';

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
  /** For 'custom' images: how they were brought to square when imported (the PyTorch export's default `--fit`). */
  fit?: Fit;
  /** For 'custom': the content hash of the imported samples (how the app finds them again). */
  hash?: string;
  /** For 'custom' and the generated sprites: how many samples. */
  count?: number;
  /** For the generated sprites: the seed they are drawn from. */
  seed?: number;
}
