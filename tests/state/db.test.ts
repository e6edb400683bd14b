/** The database's schema and upgrade path, on fake-indexeddb (the same IndexedDB API, in memory). */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { closeDb, DB_NAME, DB_VERSION, openDb, UPGRADES } from '../../src/storage/db';
import {
  allProjects,
  deleteProject,
  getProject,
  purgeDeleted,
  putProject,
  restoreProject,
} from '../../src/storage/projects';
import { makeRecord, PURGE_AFTER_MS } from '../../src/storage/records';
import { loadTemplate } from '../../src/core/project/templates';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDb());

/** A database as the first release left it: version 1, the project text under 'current'. */
function oldDatabase(text: string | null): Promise<void> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('autosave');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('autosave', 'readwrite');
      if (text !== null) tx.objectStore('autosave').put(text, 'current');
      tx.oncomplete = () => {
        db.close();
        ok();
      };
      tx.onerror = () => fail(tx.error);
    };
    req.onerror = () => fail(req.error);
  });
}

describe('the ganvas database', () => {
  test('its version is the number of upgrade steps; a new database gets the projects store', async () => {
    expect(DB_VERSION).toBe(UPGRADES.length);
    const db = await openDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(['datasetSamples', 'datasets', 'projects']);
    expect(await allProjects()).toEqual([]);
  });

  test("the first release's autosave becomes a project (and its old store goes), in the upgrade itself", async () => {
    const text = JSON.stringify({ ...loadTemplate('gan-2d-ring'), name: 'My ring' });
    await oldDatabase(text);
    const db = await openDb();
    expect([...db.objectStoreNames]).toEqual(['datasetSamples', 'datasets', 'projects']);
    const [p] = await allProjects();
    expect(p).toMatchObject({ name: 'My ring', origin: { kind: 'autosave' }, edited: true, text });
  });

  test('an old database without an autosave upgrades to an empty projects list', async () => {
    await oldDatabase(null);
    await openDb();
    expect(await allProjects()).toEqual([]);
  });

  test('records are written, deleted softly, restored and purged after the grace period', async () => {
    const r = makeRecord('{"name":"A"}', { kind: 'blank' }, 1000, 'a');
    await putProject(r);
    expect(await getProject('a')).toEqual(r);
    await deleteProject('a', 2000);
    expect((await getProject('a'))?.deleted).toBe(2000);
    await restoreProject('a');
    expect((await getProject('a'))?.deleted).toBeUndefined();
    await deleteProject('a', 2000);
    expect(await purgeDeleted(2000 + PURGE_AFTER_MS - 1)).toBe(0);
    expect(await purgeDeleted(2000 + PURGE_AFTER_MS)).toBe(1);
    expect(await getProject('a')).toBeUndefined();
  });
});
