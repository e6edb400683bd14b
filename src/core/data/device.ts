import type { Tensor, TF } from '../tf';
import type { HostDataset } from './host';

/** The dataset as it lives on the device: gathered by index every step, never re-uploaded. */
export interface DeviceData {
  images: Tensor;
  labels?: Tensor;
  count: number;
}

/** Uploads a dataset to the device once; every step then gathers its batch there by index. */
export function toDevice(tf: TF, d: HostDataset): DeviceData {
  return {
    images: tf.tensor(d.values, [d.count, ...d.shape], 'float32'),
    labels: d.labels ? tf.tensor1d(d.labels, 'int32') : undefined,
    count: d.count,
  };
}

export function disposeDevice(d: DeviceData): void {
  d.images.dispose();
  d.labels?.dispose();
}
