/**
 * Every user command in one place, so the top bar, the keyboard and the help overlay agree.
 * Commands that need the canvas (fit, centre, layout) take the React Flow instance.
 * Projects coming in (a template, a file) go where the user says: projects/incoming.ts.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { canvasSize, fitTo, laidOutTemplate, readableFit } from '../editor/templateView';
import { blankDoc, projectOf } from '../state/document';
import { encodeShareHash } from '../state/share';
import { redo, undo, useEditor, useGanvas } from '../state/store';
import { replaceOpenProject, startProject } from '../state/projects';
import { isUntouched } from '../storage/records';
import { bringIn, projectsAction } from '../projects/incoming';
import { saveProjectFile } from './files';

type RF = Pick<ReactFlowInstance, 'fitView' | 'setCenter' | 'getZoom' | 'setViewport'>;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function loadTemplateCommand(id: string): Promise<void> {
  const p = await laidOutTemplate(id);
  await bringIn(p, { kind: 'template', id, name: p.name }, `the template “${p.name}”`);
}

/** A blank project. It never overwrites anything: the open project stays in the list (or, if untouched, one Ctrl+Z away). */
export async function newProjectCommand(): Promise<void> {
  const { notify } = useEditor.getState();
  const open = useGanvas.getState().openProject;
  const blank = projectOf(blankDoc());
  if (!open || isUntouched(open)) {
    replaceOpenProject(
      blank,
      { kind: 'blank' },
      open ? `New project. Ctrl+Z brings back the untouched “${open.name}”.` : 'New project.',
    );
    return;
  }
  try {
    await startProject(blank, { kind: 'blank' });
    notify(`New project. “${open.name}” is in Projects, as you left it.`, 'info', projectsAction);
  } catch (e) {
    notify(`Could not start a new project: ${errorText(e)}`, 'error');
  }
}

export async function autoLayoutCommand(rf: RF): Promise<void> {
  // ELK is large: load it on first use, not with the page.
  const { autoLayout } = await import('../editor/layout/autoLayout');
  const { doc, sizes, moveNodes } = useEditor.getState();
  moveNodes(await autoLayout(doc.graph, sizes));
  // Fit after React Flow has drawn the new positions.
  requestAnimationFrame(() => readableFit(rf, canvasSize()));
}

/** Fit the whole GAN (F); `fitTo(rf, 'generator' | 'discriminator')` fits one network (G / D). */
export function fitViewCommand(rf: RF): void {
  fitTo(rf, 'gan', canvasSize(), 200);
}

/** Selects a node and brings it to the middle of the canvas (used by the problems list). */
export function focusNode(rf: RF, id: string): void {
  const { doc, sizes, select } = useEditor.getState();
  const n = doc.graph.nodes.find((x) => x.id === id);
  if (!n) return;
  select([id]);
  const s = sizes[id] ?? { width: 200, height: 150 };
  void rf.setCenter(n.position.x + s.width / 2, n.position.y + s.height / 2, {
    zoom: Math.max(rf.getZoom(), 0.9),
    duration: 250,
  });
}

export async function shareLinkCommand(): Promise<string> {
  const { doc, viewport } = useEditor.getState();
  const url = `${location.origin}${location.pathname}${await encodeShareHash(projectOf(doc, viewport))}`;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    /* the dialog shows the link to copy by hand */
  }
  return url;
}

export const saveCommand = saveProjectFile;
export { undo, redo };
