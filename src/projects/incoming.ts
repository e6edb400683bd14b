/**
 * Projects coming in (Open, a dropped file, a template) follow one rule: the open project is never
 * overwritten without a question. If it is an untouched copy of a template or a blank project it is
 * replaced (one Ctrl+Z brings it back); otherwise the user chooses: a new project (the default),
 * into the open one (undoable), or cancel.
 */
import type { Project } from '../core/project/types';
import { replaceOpenProject, startProject } from '../state/projects';
import { useEditor, useGanvas } from '../state/store';
import { isUntouched, type Origin } from '../storage/records';
import { askWhere, showProjectsList } from './ui';

/** The toast button that opens the projects list. */
export const projectsAction = { label: 'Show projects', run: showProjectsList };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
/**
 * Puts an incoming project where the user wants it (see the header). `what` names it in messages
 * ('the template “InfoGAN”'). Resolves to where it went.
 */
export async function bringIn(p: Project, origin: Origin, what: string): Promise<'new' | 'replace' | 'cancel'> {
  const { notify } = useEditor.getState();
  const open = useGanvas.getState().openProject;
  if (!open || isUntouched(open)) {
    const back = open ? ` Ctrl+Z brings back the untouched “${open.name}”.` : '';
    replaceOpenProject(p, origin, `Opened ${what}.${back}`);
    return 'replace';
  }
  const where = await askWhere({ what, current: open.name });
  try {
    if (where === 'new') {
      await startProject(p, origin);
      notify(`Opened ${what} as a new project. “${open.name}” is in Projects, as you left it.`, 'info', projectsAction);
    }
    if (where === 'replace')
      replaceOpenProject(p, origin, `Opened ${what} in “${open.name}”. Ctrl+Z brings back what was there.`);
  } catch (e) {
    notify(`Could not open ${what}: ${errorText(e)}. Your project is unchanged.`, 'error');
    return 'cancel';
  }
  return where;
}
