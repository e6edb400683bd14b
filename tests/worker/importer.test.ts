/**
 * The import worker's logic in Node (pngjs as the decoder, fake-indexeddb as the browser's storage):
 * files -> preview -> kept by hash; cancel between images; a file over the limit is refused by its size
 * without being read; an IDX images file and its labels are paired whatever their order.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { zipSync } from 'fflate';
import { Importer } from '../../workers/importer';
import { decodeImage } from '../../src/cli/userData';
import { closeDb } from '../../src/storage/db';
import { listDatasets, loadStoredDataset } from '../../src/storage/datasets';
import type { ImportOptionsUi } from '../../workers/importApi';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDb());

const o: ImportOptionsUi = { size: 16, channels: 3, fit: 'crop', normalise: true };
function png(w: number, h: number, rgb: [number, number, number]): Uint8Array {
  const p = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) p.data.set([...rgb, 255], i * 4);
  return new Uint8Array(PNG.sync.write(p));
}
const file = (b: Uint8Array | string) => new Blob([b as BlobPart]);
const idx = (dims: number[], data: number[]) => {
  const head = new Uint8Array(4 + 4 * dims.length);
  head.set([0, 0, 8, dims.length]);
  dims.forEach((d, i) => new DataView(head.buffer).setUint32(4 + 4 * i, d, false));
  return new Uint8Array([...head, ...data]);
};

describe('the importer', () => {
  it('a zip of images: a preview with the classes, the report, the memory it will take; kept by its hash', async () => {
    const zip = zipSync({
      'cats/1.png': png(20, 16, [200, 0, 0]),
      'cats/2.png': png(16, 16, [190, 0, 0]),
      'dogs/3.png': png(16, 16, [0, 0, 200]),
      'dogs/x.png': new Uint8Array([1, 2]),
    });
    const imp = new Importer(decodeImage);
    const progress: number[] = [];
    const p = await imp.prepare('pets', [{ path: 'pets.zip', file: file(zip) }], o, (d) => progress.push(d));
    expect(p).toMatchObject({
      name: 'pets',
      what: 'images',
      shape: [16, 16, 3],
      count: 3,
      numClasses: 2,
      classes: ['cats', 'dogs'],
      classCounts: [2, 1],
      alreadyKept: false,
    });
    expect(p.report.join('\n')).toMatch(/1 could not be read and was skipped: dogs\/x\.png/);
    expect(p.deviceBytes).toBe(3 * Math.ceil(768 / 3) * 4 + 3 * 4);
    expect(p.overBudget).toBeUndefined();
    expect(p.picture.channels).toBe(3);
    expect(progress.at(-1)).toBe(4);
    expect(await listDatasets()).toEqual([]); // nothing stored before 'keep'
    const rec = await imp.keep('my pets');
    expect(rec).toMatchObject({ hash: p.hash, name: 'my pets', count: 3, classes: ['cats', 'dogs'], fit: 'crop' });
    expect((await listDatasets()).map((r) => r.name)).toEqual(['my pets']);
    expect((await loadStoredDataset(p.hash, 'tanh'))!.count).toBe(3);
    const again = await imp.prepare('pets', [{ path: 'pets.zip', file: file(zip) }], o, () => {});
    expect(again.alreadyKept).toBe(true);
    await expect(new Importer(decodeImage).keep()).rejects.toThrow('nothing prepared to keep');
  });

  it('cancel stops between images; a file over the size limit is refused by its size alone', async () => {
    const files = Array.from({ length: 40 }, (_, i) => ({ path: `set/${i}.png`, file: file(png(8, 8, [i, i, i])) }));
    const imp = new Importer(decodeImage);
    await expect(
      imp.prepare('set', files, o, (done) => {
        if (done >= 16) void imp.cancel();
      }),
    ).rejects.toThrow('import cancelled');
    const huge = {
      size: 600 * 1024 ** 2,
      arrayBuffer: () => {
        throw new Error('must not be read');
      },
    } as unknown as Blob;
    await expect(imp.prepare('big', [{ path: 'big.zip', file: huge }], o, () => {})).rejects.toThrow(
      'big.zip is 600 MB; the limit is 512 MB of bytes in one data file',
    );
  });

  it('IDX images with their labels file, in either order, gzipped or not; points from CSV', async () => {
    const images = idx([3, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
      labels = idx([3], [2, 0, 1]);
    const imp = new Importer(decodeImage);
    const p = await imp.prepare(
      'digits',
      [
        { path: 'labels.idx', file: file(labels) },
        { path: 'images.idx.gz', file: file(gzipSync(images)) },
      ],
      o,
      () => {},
    );
    expect(p).toMatchObject({ what: 'idx', shape: [2, 2, 1], count: 3, numClasses: 3, classCounts: [1, 1, 1] });
    const pts = await imp.prepare('pts', [{ path: 'p.csv', file: file('x,y\n0,0\n1,1\n2,0\n') }], o, () => {});
    expect(pts).toMatchObject({ what: 'points', shape: [2], count: 3 });
    await expect(imp.prepare('bad', [{ path: 'b.csv', file: file('x,y\n0,0\n1,nan\n') }], o, () => {})).rejects.toThrow(
      "b.csv, line 3: 'nan' is not a finite number",
    );
  });
});
