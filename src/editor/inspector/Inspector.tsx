/** The right-hand panel: the selected node, a multi-selection summary, or the project's settings. */
import type { ReactNode } from 'react';
import { useEditor } from '../../state/store';
import { NodeInspector } from './NodeInspector';
import { ProjectSettings } from './ProjectSettings';

/** `trainingLink`: where the training settings are (the app shell's link to the training dock). */
export function Inspector({ trainingLink }: { trainingLink?: ReactNode }) {
  const selection = useEditor((s) => s.selection);
  const node = useEditor((s) => (s.selection.length === 1 ? s.doc.graph.nodes.find((n) => n.id === s.selection[0]) : undefined));
  let body: ReactNode;
  if (node) body = <NodeInspector node={node} />;
  else if (selection.length > 1) {
    body = (
      <div>
        <h2>{selection.length} blocks selected</h2>
        <p className="muted">{selection.join(', ')}</p>
        <button type="button" onClick={() => useEditor.getState().duplicateSelection()}>Duplicate</button>{' '}
        <button type="button" onClick={() => useEditor.getState().deleteSelection()}>Delete</button>
      </div>
    );
  } else body = <ProjectSettings trainingLink={trainingLink} />;
  return <aside className="inspector" aria-label="Inspector">{body}</aside>;
}
