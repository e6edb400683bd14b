import type { TF } from '../blocks';
import type { DeviceData } from '../train/step';
import type { HostDataset } from './host';

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
