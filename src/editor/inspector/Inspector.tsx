/** The right-hand panel: the selected node, a multi-selection summary, or the project's settings. */
import type { ReactNode } from 'react';
import { useEditor } from '../../state/store';
import { NodeInspector } from './NodeInspector';
import { ProjectSettings, type DataActions } from './ProjectSettings';

/** `trainingLink`: where the training settings are (the app shell's link to the training dock); `data`: the Datasets feature's actions. */
export function Inspector({ trainingLink, data }: { trainingLink?: ReactNode; data?: DataActions }) {
  const selection = useEditor((s) => s.selection);
  const node = useEditor((s) =>
    s.selection.length === 1 ? s.doc.graph.nodes.find((n) => n.id === s.selection[0]) : undefined,
  );
  let body: ReactNode;
  if (node) body = <NodeInspector node={node} />;
  else if (selection.length > 1) {
    body = (
      <div>
        <h2>{selection.length} blocks selected</h2>
        <p className="muted">{selection.join(', ')}</p>
        <button type="button" onClick={() => useEditor.getState().duplicateSelection()}>
          Duplicate
        </button>{' '}
        <button type="button" onClick={() => useEditor.getState().deleteSelection()}>
          Delete
        </button>
      </div>
    );
  } else body = <ProjectSettings trainingLink={trainingLink} data={data} />;
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
