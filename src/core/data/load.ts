/**
 * A project's dataset spec -> HostDataset. Bytes of the bundled MNIST come from the caller (fetch
 * in the browser, fs in Node), so this module stays platform-free.
 */
import type { DatasetSpec } from '../project/types';
import type { HostDataset } from './host';
import { decodeMnist, mnistDataset } from './mnist';
import { toyDataset } from './toy2d';

export interface DataSources {
  mnistBytes?: () => Promise<ArrayBuffer | Uint8Array>;
  /** For 'custom' datasets: the imported data, kept by the app or the CLI. */
  custom?: () => Promise<HostDataset>;
}

export async function loadDataset(spec: DatasetSpec, sources: DataSources): Promise<HostDataset> {
  switch (spec.kind) {
    case 'mnist': {
      if (!sources.mnistBytes) throw new Error('MNIST data is not available here');
      return mnistDataset(decodeMnist(await sources.mnistBytes()), spec.scale, spec.digits);
    }
    case 'custom': {
      if (!sources.custom) throw new Error(`the imported dataset '${spec.name}' is not loaded; import it again`);
      return sources.custom();
    }
    case 'points':
      return toyDataset('points', 10_000, 1, spec.points);
    default:
      return toyDataset(spec.kind);
  }
}
