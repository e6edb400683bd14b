/** Imported datasets in IndexedDB (fake-indexeddb): kept by content hash, listed without their samples, loaded to train, deleted. */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { closeDb, DB_NAME, openDb } from '../../src/storage/db';
import { deleteDataset, listDatasets, loadStoredDataset, putDataset, recordOf } from '../../src/storage/datasets';
import { allProjects, putProject } from '../../src/storage/projects';
import { makeRecord } from '../../src/storage/records';
import { spritesDataset } from '../../src/core/data/sprites';
import { datasetHash } from '../../src/core/data/hash';
import { pointsDataset } from '../../src/core/data/points';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDb());

describe('stored datasets', () => {
  test('an image set round-trips by its hash: the list has its fields, training gets the same bytes at the scale asked', async () => {
    const d = { ...spritesDataset({ size: 32, count: 12, seed: 2, scale: 'tanh' }), name: 'sprites' };
    const hash = await datasetHash(d);
    await putDataset(d, recordOf(d, hash, ['12 of 12 images'], ['square', 'circle', 'triangle', 'heart'], 1000));
    const list = await listDatasets();
    expect(list).toEqual([
      {
        hash,
        name: 'sprites',
        shape: [32, 32, 3],
        count: 12,
        numClasses: 4,
        kind: 'images',
        bytes: 12 * 3072 + 12 * 4,
        report: ['12 of 12 images'],
        classes: ['square', 'circle', 'triangle', 'heart'],
        created: 1000,
      },
    ]);
    const back = await loadStoredDataset(hash, 'sigmoid');
    expect(back!.pixels).toEqual(d.pixels);
    expect(back!.labels).toEqual(d.labels);
    expect(back!.scale).toBe('sigmoid');
    // The same samples: the same hash (the scale is not part of it).
    expect(await datasetHash(back!)).toBe(hash);
    await deleteDataset(hash);
    expect(await listDatasets()).toEqual([]);
    expect(await loadStoredDataset(hash, 'tanh')).toBeUndefined();
  });

  test('a point cloud keeps its float values; the newest dataset is listed first', async () => {
    const a = pointsDataset(Float32Array.of(0, 0, 1, 1, 2, 0), 'tri').dataset;
    const ha = await datasetHash(a);
    await putDataset(a, recordOf(a, ha, [], undefined, 1));
    const b = { ...spritesDataset({ size: 32, count: 2, seed: 1, scale: 'tanh' }), name: 'two' };
    await putDataset(b, recordOf(b, await datasetHash(b), [], undefined, 2));
    expect((await listDatasets()).map((r) => [r.name, r.kind])).toEqual([
      ['two', 'images'],
      ['tri', 'points'],
    ]);
    expect(Array.from((await loadStoredDataset(ha, 'tanh'))!.values!)).toEqual(Array.from(a.values));
  });

  test('upgrading a database of version 2 keeps its projects and adds the dataset stores', async () => {
    await new Promise<void>((ok, fail) => {
      const req = indexedDB.open(DB_NAME, 2);
      req.onupgradeneeded = () => req.result.createObjectStore('projects', { keyPath: 'id' });
      req.onsuccess = () => {
        req.result.close();
        ok();
      };
      req.onerror = () => fail(req.error);
    });
    closeDb();
    // Written at version 2 through a raw connection, then opened by the app (version 3).
    await new Promise<void>((ok, fail) => {
      const req = indexedDB.open(DB_NAME, 2);
      req.onsuccess = () => {
        const tx = req.result.transaction('projects', 'readwrite');
        tx.objectStore('projects').put(makeRecord('{"format":"ganvas"}', { kind: 'autosave' }, 5));
        tx.oncomplete = () => {
          req.result.close();
          ok();
        };
        tx.onerror = () => fail(tx.error);
      };
    });
    const db = await openDb();
    expect([...db.objectStoreNames].sort()).toEqual(['datasetSamples', 'datasets', 'projects']);
    expect(await allProjects()).toHaveLength(1);
    await putProject(makeRecord('{"format":"ganvas"}', { kind: 'autosave' }, 6));
  });
});
