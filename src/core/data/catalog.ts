/** What each dataset kind looks like, without loading it (shape inference and validation need this). */
import type { DataInfo } from '../shapes/infer';
import type { DatasetSpec } from '../project/types';

export const MNIST_SHAPE = [28, 28, 1];

export function datasetInfo(spec: DatasetSpec): DataInfo {
  switch (spec.kind) {
    case 'mnist': return { shape: [...MNIST_SHAPE], numClasses: 10 };
    case 'custom': return { shape: [...(spec.shape ?? [])], numClasses: spec.numClasses ?? 0 };
    default: return { shape: [2], numClasses: 0 };
  }
}

export const DATASET_LABELS: Record<DatasetSpec['kind'], string> = {
  mnist: 'MNIST (10,000 bundled digits)', ring8: 'Ring of 8 Gaussians', grid25: 'Grid of 25 Gaussians',
  spiral: 'Spiral', points: 'Your drawn points', custom: 'Imported data',
};
