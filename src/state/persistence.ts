/**
 * Autosave: the whole project (document and viewport) goes to IndexedDB shortly after every change,
 * and comes back when the page opens. One object store, one key: the last state of the editor.
 */
import { tryParseProject } from '../core/project/schema';
import type { Project } from '../core/project/types';

const DB = 'ganvas';
const STORE = 'autosave';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((ok, fail) => {
      const tx = db.transaction(STORE, mode);
      const req = f(tx.objectStore(STORE));
      tx.oncomplete = () => ok(req.result);
      tx.onerror = () => fail(tx.error);
      tx.onabort = () => fail(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function saveAutosave(p: Project): Promise<void> {
  // Stored as JSON text so that what comes back goes through the same reader as a file.
  await run('readwrite', (s) => s.put(JSON.stringify(p), KEY));
}

/** The autosaved project, or null when there is none or it no longer reads (then it is ignored). */
export async function loadAutosave(): Promise<Project | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const text = await run<unknown>('readonly', (s) => s.get(KEY));
    if (typeof text !== 'string') return null;
    const r = tryParseProject(text);
    return r.ok ? r.project : null;
  } catch {
    return null;
  }
}
