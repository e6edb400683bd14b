/** An imported dataset kept in this browser, read by the training worker from IndexedDB by its content hash. */
import type { HostDataset } from '../src/core/data/host';
import { describeImported } from '../src/core/datasets/custom';
import type { DatasetSpec } from '../src/core/project/types';
import { loadStoredDataset } from '../src/storage/datasets';

export async function loadStored(spec: DatasetSpec): Promise<HostDataset> {
  const missing = `${describeImported(spec)} is not in this browser: load its files in Data (top bar)`;
  if (!spec.hash) throw new Error(missing);
  const d = await loadStoredDataset(spec.hash, spec.scale);
  if (!d) throw new Error(missing);
  return d;
}
