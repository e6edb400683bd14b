/**
 * The import worker's typed API (Comlink): a user's files -> a dataset prepared in the worker, previewed on
 * the page, and kept in IndexedDB by the worker when the user says so. The samples never cross to the page;
 * only the preview picture and the figures do.
 */
import type { Raster } from '../src/core/data/render';
import type { Fit } from '../src/core/data/images';
import type { DatasetRecord } from '../src/storage/datasets';

/** A file as the page got it (a dropped or picked File), with its path under what was dropped. */
export interface ImportSource {
  path: string;
  file: Blob;
}

export interface ImportOptionsUi {
  size: number;
  channels: 1 | 3;
  fit: Fit;
  maxImages?: number;
  normalise: boolean;
}

export interface ImportPreview {
  name: string;
  what: 'images' | 'idx' | 'points';
  shape: number[];
  count: number;
  numClasses: number;
  classes?: string[];
  classCounts?: number[];
  /** What the import did (skipped, resized, classes, scaling), a line each. */
  report: string[];
  hash: string;
  /** Device memory the dataset will take, and the budget's refusal when over it (then it cannot be kept). */
  deviceBytes: number;
  overBudget?: string;
  /** Bytes it will take in this browser's storage. */
  storageBytes: number;
  /** Already kept under this hash (keeping it again changes nothing). */
  alreadyKept: boolean;
  picture: Raster;
  ms: number;
}

export type ImportProgress = (done: number, total: number) => void;

export interface ImporterApi {
  /** Reads and decodes the files (images one at a time, with progress), keeping the result here for `keep`. */
  prepare(
    name: string,
    sources: ImportSource[],
    options: ImportOptionsUi,
    onProgress: ImportProgress,
  ): Promise<ImportPreview>;
  /** Stops a `prepare` between two images; it then rejects with 'import cancelled'. */
  cancel(): Promise<void>;
  /** Stores the prepared dataset in IndexedDB (by its hash) and forgets it here. */
  keep(name?: string): Promise<DatasetRecord>;
  discard(): Promise<void>;
}
