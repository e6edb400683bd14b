/**
 * The import worker's logic, free of worker glue so Node tests can run it (with pngjs as the decoder and
 * fake-indexeddb): prepare -> preview -> keep. Sizes are checked before reading (a File's size), every
 * format goes through core/data/sources.ts, and the result waits here until it is kept or discarded.
 */
import { checkDeviceBudget, deviceBytes } from '../src/core/data/device';
import { datasetHash } from '../src/core/data/hash';
import type { HostDataset } from '../src/core/data/host';
import type { Fit } from '../src/core/data/images';
import type { ImageDecoder } from '../src/core/data/imageImport';
import { ImportCancelled } from '../src/core/data/imageImport';
import { checkFileSize } from '../src/core/data/limits';
import { previewRaster } from '../src/core/data/render';
import { importFiles, type Imported } from '../src/core/data/sources';
import { getDatasetRecord, putDataset, recordOf, type DatasetRecord } from '../src/storage/datasets';
import type { ImporterApi, ImportOptionsUi, ImportPreview, ImportProgress, ImportSource } from './importApi';

export class Importer implements ImporterApi {
  private stop = false;
  private prepared?: { imported: Imported; hash: string; fit?: Fit };

  constructor(
    private readonly decode: ImageDecoder,
    private readonly now = () => performance.now(),
  ) {}

  async prepare(
    name: string,
    sources: ImportSource[],
    o: ImportOptionsUi,
    onProgress: ImportProgress,
  ): Promise<ImportPreview> {
    const t0 = this.now();
    this.stop = false;
    this.prepared = undefined;
    if (!sources.length) throw new Error('nothing to import: drop or pick files');
    for (const s of sources) checkFileSize(s.path, s.file.size);
    const files = sources.map((s) => ({ path: s.path, bytes: async () => new Uint8Array(await s.file.arrayBuffer()) }));
    // Progress reaches the page at most every 250 ms (and at the end): each report is a task on the page's main thread, and
    // thousands of small images would otherwise send hundreds of them a second.
    let last = -Infinity;
    const progress = (done: number, total: number) => {
      const t = this.now();
      if (done < total && t - last < 250) return;
      last = t;
      onProgress(done, total);
    };
    const imported = await importFiles(name, files, this.decode, {
      size: o.size,
      channels: o.channels,
      fit: o.fit,
      maxImages: o.maxImages,
      normalise: o.normalise,
      scale: 'tanh',
      onProgress: progress,
      shouldStop: () => this.stop,
    });
    if (this.stop) throw new ImportCancelled();
    const d = imported.dataset;
    const hash = await datasetHash(d);
    let overBudget: string | undefined;
    try {
      checkDeviceBudget(d);
    } catch (e) {
      overBudget = (e as Error).message;
    }
    // Images remember how they became square: the project records it (the PyTorch export fits them alike).
    this.prepared = { imported, hash, ...(imported.images ? { fit: o.fit } : {}) };
    return {
      name: d.name,
      what: imported.what,
      shape: d.shape,
      count: d.count,
      numClasses: d.numClasses,
      classes: imported.images?.classes,
      classCounts: imported.images?.classCounts ?? classCounts(d),
      report: imported.report,
      hash,
      deviceBytes: deviceBytes(d),
      overBudget,
      storageBytes: (d.pixels ? d.pixels.byteLength : d.values.byteLength) + (d.labels?.byteLength ?? 0),
      alreadyKept: Boolean(await getDatasetRecord(hash).catch(() => undefined)),
      picture: previewRaster(d),
      ms: this.now() - t0,
    };
  }

  async cancel(): Promise<void> {
    this.stop = true;
  }

  async keep(name?: string): Promise<DatasetRecord> {
    const p = this.prepared;
    if (!p) throw new Error('nothing prepared to keep: import the files again');
    const d: HostDataset = name ? { ...p.imported.dataset, name } : p.imported.dataset;
    checkDeviceBudget(d);
    const rec = recordOf(d, p.hash, p.imported.report, p.imported.images?.classes, Date.now(), p.fit);
    await putDataset(d, rec);
    this.prepared = undefined;
    return rec;
  }

  async discard(): Promise<void> {
    this.prepared = undefined;
  }
}

/** Samples per class (IDX labels), when the dataset has classes. */
function classCounts(d: HostDataset): number[] | undefined {
  if (!d.labels || !d.numClasses) return undefined;
  const c = new Array<number>(d.numClasses).fill(0);
  for (const l of d.labels) c[l]++;
  return c;
}
