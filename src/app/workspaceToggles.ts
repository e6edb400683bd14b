/** Folding and opening the workspace's panels from the keyboard, with the same rules as their buttons. */
import { dockBeside, dockOpen, inspectorOpen, useWorkspace } from '../editor/workspacePrefs';
import { useEditor } from '../state/store';

export function toggleWorkspacePanel(which: 'palette' | 'inspector' | 'dock'): void {
  const p = useWorkspace.getState(),
    w = window.innerWidth;
  if (which === 'palette') p.setPrefs({ palette: !p.palette });
  else if (which === 'inspector') {
    const beside = dockBeside(w) && dockOpen(p.dock, w);
    p.setPrefs({ inspector: !inspectorOpen(p.inspector, useEditor.getState().selection.length > 0, w, beside) });
  } else p.setPrefs({ dock: !dockOpen(p.dock, w) });
}
