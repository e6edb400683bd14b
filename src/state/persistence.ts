/**
 * Which stored project this tab edits, and writing it. Every write puts the whole project (the
 * same JSON as a saved file, ~9 KB for DCGAN) into its IndexedDB record in one transaction that
 * starts in the same task as the change, so there is no journal to replay: the record is always
 * one complete project. The save status says 'saved' only once the latest write's transaction has
 * completed.
 */
import { putProject } from '../storage/projects';
import type { ProjectRecord } from '../storage/records';
import { projectOf } from './document';
import type { OpenProject, SaveState } from './openProjectSlice';
import { useGanvas } from './store';

export type { OpenProject, SaveState, SaveStatus } from './openProjectSlice';
/** The status merges, as its own store's setState did: 'saving' keeps the figures of the last write. */
const setSave = (p: Partial<SaveState>): void => {
  useGanvas.setState((s) => ({ saveStatus: { ...s.saveStatus, ...p } }));
};

/** What a document change is: the user's edit, a load into the open project (undoable), or a switch of projects. */
export type ChangeKind = 'edit' | 'replace' | 'switch';
let changeKind: ChangeKind = 'edit';
export const currentChangeKind = (): ChangeKind => changeKind;

/** Runs `f` (which changes the document) as a change of the given kind rather than a user edit. */
export function asChange<T>(kind: ChangeKind, f: () => T): T {
  const before = changeKind;
  changeKind = kind;
  try {
    return f();
  } finally {
    changeKind = before;
  }
}

let started = 0;
let viewportTimer: ReturnType<typeof setTimeout> | undefined;
/** A viewport change (a pan or zoom) is not work; it is written after a short pause, or when the page hides. */
export const VIEWPORT_DELAY_MS = 500;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The editor's project as the open record, now. */
function currentRecord(open: OpenProject, edit: boolean): ProjectRecord {
  const { doc, viewport } = useGanvas.getState();
  return {
    ...open,
    name: doc.name,
    updated: Date.now(),
    edited: open.edited || edit,
    text: JSON.stringify(projectOf(doc, viewport)),
  };
}

/** Writes the open project now (whole, one transaction); `edit` marks it as changed by the user. */
export function writeNow(edit: boolean): Promise<void> {
  clearTimeout(viewportTimer);
  viewportTimer = undefined;
  const open = useGanvas.getState().openProject;
  if (!open) return Promise.resolve();
  const t0 = performance.now();
  const rec = currentRecord(open, edit);
  const { text, ...meta } = rec;
  useGanvas.setState({ openProject: meta });
  const mine = ++started;
  setSave({ status: 'saving' });
  let write: Promise<void>;
  try {
    write = putProject(rec);
  } catch (e) {
    // the connection was closing: transaction() throws at once
    write = Promise.reject(e);
  }
  // Transactions on one store complete in the order they started: when the latest is done, all are.
  return write.then(
    () => {
      if (mine === started)
        setSave({
          status: 'saved',
          at: Date.now(),
          ms: performance.now() - t0,
          bytes: text.length,
          error: undefined,
        });
    },
    (e) => {
      if (mine === started) setSave({ status: 'error', error: errorText(e) });
    },
  );
}

/** Writes the open project after the viewport has been still for a moment. */
export function writeSoon(): void {
  if (!useGanvas.getState().openProject) return;
  clearTimeout(viewportTimer);
  setSave({ status: 'pending' });
  viewportTimer = setTimeout(() => void writeNow(false), VIEWPORT_DELAY_MS);
}

/** Writes what is waiting (a viewport change), at once: the page is going away or another project opens. */
export function flush(): Promise<void> {
  return viewportTimer === undefined ? Promise.resolve() : writeNow(false);
}
