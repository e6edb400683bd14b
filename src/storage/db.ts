/**
 * The app's one IndexedDB database, 'ganvas': its schema as a list of upgrade steps, and one shared
 * connection. The version is the number of steps; step i takes a database from version i to i + 1,
 * inside the browser's upgrade transaction (all steps of one open succeed or none do).
 *
 * To add an object store: append one step, e.g.
 *   (db) => db.createObjectStore('datasets'),
 * Never edit or reorder a step that has shipped: browsers that ran it will not run it again.
 */
import { makeRecord } from './records';

export const DB_NAME = 'ganvas';

export type UpgradeStep = (db: IDBDatabase, tx: IDBTransaction) => void;

export const UPGRADES: readonly UpgradeStep[] = [
  // 1: the first release's autosave, one key ('current') holding the project text.
  (db) => db.createObjectStore('autosave'),
  // 2: several projects. The old autosave becomes the first of them, in this same transaction, so
  //    it is either moved or still where it was: a user never loses it to a half-done upgrade.
  (db, tx) => {
    db.createObjectStore('projects', { keyPath: 'id' });
    const old = tx.objectStore('autosave').get('current');
    old.onsuccess = () => {
      if (typeof old.result === 'string')
        tx.objectStore('projects').put(makeRecord(old.result, { kind: 'autosave' }, Date.now()));
      db.deleteObjectStore('autosave');
    };
  },
  // 3: imported datasets, keyed by their content hash (core/data/hash.ts): what the list shows in
  //    'datasets', the samples (tens of megabytes) apart in 'datasetSamples', so listing never reads them.
  (db) => {
    db.createObjectStore('datasets', { keyPath: 'hash' });
    db.createObjectStore('datasetSamples');
  },
];

export const DB_VERSION = UPGRADES.length;

/** Runs the steps from `oldVersion` up to `UPGRADES.length` (exported for the upgrade tests). */
export function upgrade(db: IDBDatabase, tx: IDBTransaction, oldVersion: number): void {
  for (let v = oldVersion; v < UPGRADES.length; v++) UPGRADES[v](db, tx);
}

let opening: Promise<IDBDatabase> | null = null;
let ready: IDBDatabase | null = null;

/** The shared connection, opened (and upgraded) on first use. */
export function openDb(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((ok, fail) => {
    if (typeof indexedDB === 'undefined') return fail(new Error('this browser has no IndexedDB'));
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = (e) => upgrade(req.result, req.transaction!, e.oldVersion);
    req.onsuccess = () => {
      const db = req.result;
      // Another tab wants a newer schema: step aside (the next write reopens at the new version).
      db.onversionchange = () => forget(db);
      db.onclose = () => forget(db);
      ready = db;
      ok(db);
    };
    req.onerror = () =>
      fail(
        req.error?.name === 'VersionError'
          ? new Error('a newer version of Ganvas is open in another tab: reload this one')
          : (req.error ?? new Error('IndexedDB could not be opened')),
      );
    req.onblocked = () => fail(new Error('an older Ganvas tab is still open: close it and reload'));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

function forget(db: IDBDatabase): void {
  db.close();
  if (ready === db) {
    ready = null;
    opening = null;
  }
}

/** The connection if it is open now: write-through needs to start its transaction in the same task as the change. */
export const openConnection = (): IDBDatabase | null => ready;

/** Closes the connection (tests; a page never needs to). */
export function closeDb(): void {
  if (ready) forget(ready);
  opening = null;
}

/**
 * One transaction: `work` queues its requests, the transaction is committed at once (not at the
 * end of the task), and the promise settles when it is durable ('complete') or failed.
 */
export function transact<T = void>(
  db: IDBDatabase,
  stores: string | string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => IDBRequest<T> | void,
  opts: { commitNow?: boolean } = {},
): Promise<T> {
  const tx = db.transaction(stores, mode);
  const req = work(tx);
  const done = new Promise<T>((ok, fail) => {
    tx.oncomplete = () => ok(req ? req.result : (undefined as T));
    tx.onerror = () => fail(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => fail(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  // Hands the transaction to the database now, so a page that goes away next still has it written.
  // (Not when `work` goes on queueing requests from callbacks: a committed transaction takes no more.)
  if (opts.commitNow !== false) tx.commit?.();
  return done;
}

/** `transact` on the shared connection, opening it first if needed. */
export async function run<T = void>(
  stores: string | string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => IDBRequest<T> | void,
  opts: { commitNow?: boolean } = {},
): Promise<T> {
  return transact(ready ?? (await openDb()), stores, mode, work, opts);
}
