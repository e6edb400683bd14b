/** The 'projects' object store: read, write, delete (softly) and restore project records. */
import { openConnection, run, transact } from './db';
import { purgeable, type ProjectRecord } from './records';

const STORE = 'projects';

export function allProjects(): Promise<ProjectRecord[]> {
  return run<ProjectRecord[]>(STORE, 'readonly', (tx) => tx.objectStore(STORE).getAll() as IDBRequest<ProjectRecord[]>);
}

export function getProject(id: string): Promise<ProjectRecord | undefined> {
  return run<ProjectRecord | undefined>(
    STORE,
    'readonly',
    (tx) => tx.objectStore(STORE).get(id) as IDBRequest<ProjectRecord | undefined>,
  );
}

/**
 * Writes a record in its own transaction, settling when it is stored. When the connection is open
 * the transaction starts in this very task, so a change is on its way to disk before anything else
 * (a reload, a closed tab) can happen.
 */
export function putProject(r: ProjectRecord): Promise<void> {
  const db = openConnection();
  const work = (tx: IDBTransaction) => {
    tx.objectStore(STORE).put(r);
  };
  return db ? transact(db, STORE, 'readwrite', work) : run(STORE, 'readwrite', work);
}

/** Changes one record in one transaction (read and write together, so no other write slips between). */
export function updateProject(id: string, change: (r: ProjectRecord) => ProjectRecord): Promise<void> {
  return run(
    STORE,
    'readwrite',
    (tx) => {
      const s = tx.objectStore(STORE);
      const req = s.get(id) as IDBRequest<ProjectRecord | undefined>;
      req.onsuccess = () => {
        if (req.result) s.put(change(req.result));
      };
    },
    { commitNow: false },
  );
}

export const deleteProject = (id: string, now = Date.now()) => updateProject(id, (r) => ({ ...r, deleted: now }));
export const restoreProject = (id: string) => updateProject(id, ({ deleted: _deleted, ...r }) => r);

/** Removes, for good, the projects deleted longer ago than the grace period. */
export async function purgeDeleted(now = Date.now()): Promise<number> {
  const ids = purgeable(await allProjects(), now);
  if (ids.length)
    await run(STORE, 'readwrite', (tx) => {
      for (const id of ids) tx.objectStore(STORE).delete(id);
    });
  return ids.length;
}
