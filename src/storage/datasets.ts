/**
 * The 'datasets' and 'datasetSamples' stores: imported datasets kept in this browser by content hash.
 * 'datasets' holds what the list shows (name, shape, count, size, classes); 'datasetSamples' holds the
 * samples and labels under the same key, read only to train. Both are written and deleted together.
 * Works on the page and in a worker (the import worker writes, the training worker reads: the samples
 * never pass through the page).
 */
import type { HostDataset } from '../core/data/host';
import type { Fit } from '../core/data/images';
import { run } from './db';

const META = 'datasets',
  SAMPLES = 'datasetSamples';

export interface DatasetRecord {
  hash: string;
  name: string;
  shape: number[];
  count: number;
  numClasses: number;
  /** Class names (subfolders) when the import had them. */
  classes?: string[];
  /** 'images': bytes 0..255; 'points': float values (a point cloud). */
  kind: 'images' | 'points';
  /** Bytes the samples and labels take in storage. */
  bytes: number;
  /** Images: how they were brought to square (crop, pad or stretch). */
  fit?: Fit;
  /** What the import reported (skipped, resized, scaled...). */
  report: string[];
  created: number;
}

interface SamplesRecord {
  pixels?: Uint8Array;
  values?: Float32Array;
  labels?: Int32Array;
}

export function recordOf(
  d: HostDataset,
  hash: string,
  report: string[],
  classes: string[] | undefined,
  now = Date.now(),
  fit?: Fit,
): DatasetRecord {
  const body = d.pixels ? d.pixels.byteLength : d.values.byteLength;
  return {
    hash,
    name: d.name,
    shape: [...d.shape],
    count: d.count,
    numClasses: d.numClasses,
    kind: d.pixels ? 'images' : 'points',
    bytes: body + (d.labels?.byteLength ?? 0),
    report,
    created: now,
    ...(classes?.length ? { classes } : {}),
    ...(fit ? { fit } : {}),
  };
}

/** Keeps a dataset (both records in one transaction: all or nothing). */
export function putDataset(d: HostDataset, rec: DatasetRecord): Promise<void> {
  const samples: SamplesRecord = d.pixels
    ? { pixels: d.pixels, labels: d.labels }
    : { values: d.values, labels: d.labels };
  return run([META, SAMPLES], 'readwrite', (tx) => {
    tx.objectStore(SAMPLES).put(samples, rec.hash);
    tx.objectStore(META).put(rec);
  });
}

export function listDatasets(): Promise<DatasetRecord[]> {
  return run<DatasetRecord[]>(
    META,
    'readonly',
    (tx) => tx.objectStore(META).getAll() as IDBRequest<DatasetRecord[]>,
  ).then((all) => all.sort((a, b) => b.created - a.created));
}

export function getDatasetRecord(hash: string): Promise<DatasetRecord | undefined> {
  return run<DatasetRecord | undefined>(
    META,
    'readonly',
    (tx) => tx.objectStore(META).get(hash) as IDBRequest<DatasetRecord | undefined>,
  );
}

/** The dataset as training takes it (images scaled per batch to `scale`), or undefined when it is not here. */
export async function loadStoredDataset(hash: string, scale: 'tanh' | 'sigmoid'): Promise<HostDataset | undefined> {
  const [rec, s] = await Promise.all([
    getDatasetRecord(hash),
    run<SamplesRecord | undefined>(
      SAMPLES,
      'readonly',
      (tx) => tx.objectStore(SAMPLES).get(hash) as IDBRequest<SamplesRecord | undefined>,
    ),
  ]);
  if (!rec || !s) return undefined;
  const base = { name: rec.name, shape: rec.shape, count: rec.count, numClasses: rec.numClasses, labels: s.labels };
  return s.pixels ? { ...base, pixels: s.pixels, scale } : { ...base, values: s.values! };
}

export function deleteDataset(hash: string): Promise<void> {
  return run([META, SAMPLES], 'readwrite', (tx) => {
    tx.objectStore(META).delete(hash);
    tx.objectStore(SAMPLES).delete(hash);
  });
}
