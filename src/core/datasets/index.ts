/**
 * The dataset-kind registry: the one place that lists every kind of data a project can train on.
 * Adding a kind = one file + one line here.
 */
import type { DatasetKindDef } from './defineDataset';
import type { DatasetSpec } from './types';
import type { HostDataset } from '../data/host';
import type { DataInfo } from '../shapes/infer';
import type { DataSources } from './defineDataset';
import { mnist } from './mnist';
import { grid25, ring8, spiral } from './toy2d';
import { points } from './points';
import { custom } from './custom';
import { sprites32, sprites64 } from './sprites';

export const DATASET_KINDS: readonly DatasetKindDef[] = [
  mnist,
  ring8,
  grid25,
  spiral,
  sprites32,
  sprites64,
  points,
  custom,
];
export const DATASET_KIND_IDS: readonly string[] = DATASET_KINDS.map((d) => d.id);

const byId = new Map(DATASET_KINDS.map((d) => [d.id, d]));
export function getDatasetKind(id: string): DatasetKindDef {
  const d = byId.get(id);
  if (!d) throw new Error(`unknown dataset kind '${id}' (one of ${DATASET_KIND_IDS.join(', ')})`);
  return d;
}
export const hasDatasetKind = (id: string): boolean => byId.has(id);

/** What a dataset looks like to the graph (shape of one sample, number of classes), without loading it. */
export const datasetInfo = (spec: DatasetSpec): DataInfo => getDatasetKind(spec.kind).info(spec);

/** Loads a project's dataset with what the platform provides. */
export const loadDataset = (spec: DatasetSpec, sources: DataSources): Promise<HostDataset> =>
  getDatasetKind(spec.kind).load(spec, sources);

export { MNIST_SHAPE } from './mnist';
export * from './defineDataset';
export type { DatasetSpec } from './types';
