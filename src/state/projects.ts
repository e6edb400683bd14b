/**
 * Moving between projects: open a stored one, start a new one, put a project into the open one
 * (undoable), delete and restore. The record of the project being left is written first, so
 * switching never loses its last change.
 */
import { tryParseProject } from '../core/project/schema';
import type { Project } from '../core/project/types';
import { deleteProject, getProject, putProject, restoreProject } from '../storage/projects';
import { makeRecord, type Origin, type ProjectRecord } from '../storage/records';
import { asChange, flush, writeNow } from './persistence';
import { clearHistory, useEditor, useGanvas } from './store';

/** The tab's open project survives a reload (sessionStorage is per tab); a new tab opens the latest one. */
const TAB_KEY = 'ganvas.openProject';
export function tabProjectId(): string | null {
  try {
    return sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}
function rememberInTab(id: string): void {
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    /* private mode: a reload opens the latest project */
  }
}

/** A stored project that cannot be read any more (it stays in the list; the message says why). */
export class UnreadableProject extends Error {}

/** Shows a stored record in the editor with a fresh history (undo does not reach into another project). */
export async function showRecord(rec: ProjectRecord, message?: string): Promise<void> {
  const r = tryParseProject(rec.text);
  if (!r.ok)
    throw new UnreadableProject(
      `“${rec.name}” cannot be read (${r.error.path ? `${r.error.path}: ` : ''}${r.error.reason})`,
    );
  await flush();
  const { text: _text, ...meta } = rec;
  useGanvas.setState({ openProject: { ...meta, opened: Date.now() } });
  asChange('switch', () => useEditor.getState().loadProject(r.project, message));
  clearHistory();
  rememberInTab(rec.id);
  await writeNow(false); // records when it was opened
}

export async function openStoredProject(id: string, message?: string): Promise<void> {
  const rec = await getProject(id);
  if (!rec || rec.deleted !== undefined) throw new UnreadableProject('That project is no longer stored');
  await showRecord(rec, message);
}

/** Stores `p` as a new project and opens it; the one that was open stays in the list as it was. */
export async function startProject(p: Project, origin: Origin, message?: string): Promise<ProjectRecord> {
  const rec = makeRecord(JSON.stringify(p), origin, Date.now());
  await putProject(rec);
  await showRecord(rec, message);
  return rec;
}

/** Puts `p` into the open project as one undoable step (Ctrl+Z brings back what was there). */
export function replaceOpenProject(p: Project, origin: Origin, message?: string): void {
  asChange('replace', () => {
    const open = useGanvas.getState().openProject;
    if (open) useGanvas.setState({ openProject: { ...open, origin } });
    useEditor.getState().loadProject(p, message);
  });
}

/** Deletes a project from the list; it can be restored for a while (see records.PURGE_AFTER_MS). */
export async function removeProject(id: string): Promise<void> {
  if (useGanvas.getState().openProject?.id === id)
    throw new Error('The open project cannot be deleted: open another one first');
  await deleteProject(id);
}

export const restoreRemovedProject = restoreProject;
