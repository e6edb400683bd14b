/**
 * Project records as stored in IndexedDB, and the pure rules about them (no IndexedDB here, so
 * they are tested in Node): how a record is made, which project a fresh tab opens, which records
 * the list shows, which deleted ones are purged, and when a project may be replaced without a question.
 */

/** What a project started from (shown in the projects list). */
export type Origin =
  | { kind: 'template'; id: string; name: string }
  | { kind: 'blank' }
  | { kind: 'file'; name: string }
  | { kind: 'link' }
  /** The single autosave of versions before the projects list, moved in on the first open. */
  | { kind: 'autosave' };

export interface ProjectRecord {
  id: string;
  /** The project's name (a copy of the one in `text`, so the list need not parse every project). */
  name: string;
  origin: Origin;
  created: number;
  /** When its content was last written. */
  updated: number;
  /** When it was last opened: a new tab opens the most recently opened project. */
  opened: number;
  /** False until the user changes it: an untouched template copy can be replaced without a question. */
  edited: boolean;
  /** Set when deleted from the list; it can be restored until it is purged (PURGE_AFTER_MS later). */
  deleted?: number;
  /** The project file (the same JSON as a saved file, so it is read back by the same parser). */
  text: string;
}

export const PURGE_AFTER_MS = 7 * 24 * 3600 * 1000;

export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A record for project text; the name is read from the JSON (a text that does not parse keeps a stand-in name). */
export function makeRecord(text: string, origin: Origin, now: number, id = newId()): ProjectRecord {
  return {
    id,
    name: nameIn(text),
    origin,
    created: now,
    updated: now,
    opened: now,
    edited: origin.kind !== 'template' && origin.kind !== 'blank',
    text,
  };
}

function nameIn(text: string): string {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim()) return name;
  } catch {
    /* shown under a stand-in name; opening it reports why it does not read */
  }
  return 'Unnamed project';
}

/** The projects the list shows (not deleted), most recently opened first. */
export function listed(records: readonly ProjectRecord[]): ProjectRecord[] {
  return records.filter((r) => r.deleted === undefined).sort((a, b) => b.opened - a.opened || b.updated - a.updated);
}

/** Deleted projects that can still be restored, most recently deleted first. */
export function recentlyDeleted(records: readonly ProjectRecord[], now: number): ProjectRecord[] {
  return records
    .filter((r) => r.deleted !== undefined && now - r.deleted < PURGE_AFTER_MS)
    .sort((a, b) => b.deleted! - a.deleted!);
}

/** Ids of deleted projects whose grace period is over. */
export function purgeable(records: readonly ProjectRecord[], now: number): string[] {
  return records.filter((r) => r.deleted !== undefined && now - r.deleted >= PURGE_AFTER_MS).map((r) => r.id);
}

/** The project a tab opens: the one it had open (a reload), else the most recently opened one. */
export function projectToOpen(
  records: readonly ProjectRecord[],
  tabProjectId: string | null,
): ProjectRecord | undefined {
  const live = listed(records);
  return live.find((r) => r.id === tabProjectId) ?? live[0];
}

/**
 * True when replacing this project loses nothing of the user's: it is an untouched copy of a
 * template or a blank project. Anything from a file or a link, or anything edited, is the user's work.
 */
export function isUntouched(r: Pick<ProjectRecord, 'edited' | 'origin'>): boolean {
  return !r.edited && (r.origin.kind === 'template' || r.origin.kind === 'blank');
}

/** How the list describes where a project came from. */
export function originText(o: Origin): string {
  switch (o.kind) {
    case 'template':
      return `from the ${o.name} template`;
    case 'blank':
      return 'blank project';
    case 'file':
      return `from the file ${o.name}`;
    case 'link':
      return 'from a share link';
    case 'autosave':
      return 'restored from the earlier autosave';
  }
}
