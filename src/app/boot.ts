/**
 * What the page opens with. A shared project in the URL hash always opens as a NEW project (the
 * work already in this browser stays, in the projects list); otherwise the project this tab had open
 * (a reload), else the most recently opened one, else a new project from the DCGAN template.
 * Nothing before that is undoable, so the history starts empty.
 */
import { DEFAULT_TEMPLATE } from '../core/project/templates';
import type { Project } from '../core/project/types';
import { laidOutTemplate } from '../editor/templateView';
import { decodeShareHash } from '../state/share';
import { clearHistory, useEditor, useGanvas } from '../state/store';
import { openDb } from '../storage/db';
import { allProjects, purgeDeleted } from '../storage/projects';
import { listed, projectToOpen } from '../storage/records';
import { showRecord, startProject, tabProjectId } from '../state/projects';
import { projectsAction } from '../projects/incoming';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function readShareLink(): Promise<{ shared: Project | null; error?: string }> {
  try {
    return { shared: await decodeShareHash(location.hash) };
  } catch (e) {
    return { shared: null, error: `The shared link could not be read (${errorText(e)}).` };
  }
}

const forgetShareLink = () => history.replaceState(null, '', location.pathname + location.search);

/**
 * Stores a shared project as a new project and opens it; `others` are the names of the projects
 * already here (they stay as they were).
 */
async function openShared(shared: Project, others: string[]): Promise<void> {
  await startProject(shared, { kind: 'link' });
  // Stored: the link has done its job (a reload now reopens the stored copy, not a second one).
  forgetShareLink();
  const kept =
    others.length === 0
      ? ''
      : others.length === 1
        ? ` Your project “${others[0]}” is in Projects, as you left it.`
        : ` Your ${others.length} other projects are in Projects, as you left them.`;
  useEditor
    .getState()
    .notify(
      `Opened the shared project “${shared.name}” as a new project.${kept}`,
      'info',
      others.length ? projectsAction : undefined,
    );
}

/** A share link pasted into the address bar of a tab that has Ganvas open changes only the hash: open it as well. */
function watchShareLinks(): void {
  window.addEventListener('hashchange', async () => {
    const { shared, error } = await readShareLink();
    if (error) return useEditor.getState().notify(error, 'error');
    if (!shared) return;
    try {
      await openShared(
        shared,
        (await allProjects()).filter((r) => r.deleted === undefined).map((r) => r.name),
      );
    } catch (e) {
      useEditor
        .getState()
        .notify(`The shared project could not be stored (${errorText(e)}). Your project is unchanged.`, 'error');
    }
  });
}

export async function boot(): Promise<void> {
  const { shared, error: shareError } = await readShareLink();
  try {
    await openStored(shared, shareError);
    watchShareLinks();
  } catch (e) {
    // The editor still works; nothing is stored, and the user is told so.
    useEditor.getState().loadProject(shared ?? (await laidOutTemplate(DEFAULT_TEMPLATE)));
    clearHistory();
    if (shared) forgetShareLink();
    useGanvas.setState((s) => ({
      saveStatus: {
        ...s.saveStatus,
        status: 'error',
        error: `this browser does not let Ganvas store projects (${errorText(e)})`,
      },
    }));
    useEditor
      .getState()
      .notify(
        `This browser does not let Ganvas store projects (${errorText(e)}): use Save to keep your work.`,
        'error',
      );
  }
}

async function openStored(shared: Project | null, shareError: string | undefined): Promise<void> {
  const { notify } = useEditor.getState();
  await openDb();
  await purgeDeleted().catch(() => 0);
  const records = await allProjects();
  if (shared) {
    await openShared(
      shared,
      listed(records).map((r) => r.name),
    );
    return;
  }
  const rec = projectToOpen(records, tabProjectId());
  let unreadable: string | undefined;
  if (rec) {
    try {
      await showRecord(rec);
    } catch (e) {
      unreadable = errorText(e);
    }
  }
  if (!rec || unreadable) {
    const p = await laidOutTemplate(DEFAULT_TEMPLATE);
    await startProject(p, { kind: 'template', id: DEFAULT_TEMPLATE, name: p.name });
  }
  if (unreadable) notify(`${unreadable}. It stays in Projects; a new project was started.`, 'error', projectsAction);
  else if (shareError) notify(shareError, 'error');
}
